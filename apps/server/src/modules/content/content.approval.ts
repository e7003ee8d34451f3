import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  can,
  ZCommentBody,
  ZDecisionBody,
  type TComment,
  type TContentItem,
  type TDecision,
  type TDecisionBody,
  type TLocale,
} from '@yunce/contracts';
import { z } from 'zod';
import type { TComplianceEngine } from '@yunce/core';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database, Tx } from '../../platform/db/client';
import { DomainError, forbidden, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/audit.service';
import { users } from '../auth/auth.tables';
import { memberships } from '../workspaces/workspaces.tables';
import type { ContentSettingsService } from './content.settings';
import { approvalDecisions, contentComments, contentItems } from './content.tables';
import { findingsOf, loadVariants, presentItem, type ItemRow } from './content.presenter';

export function createApprovalService(deps: {
  database: Database;
  clock: Clock;
  settings: ContentSettingsService;
}) {
  const { db } = deps.database;
  const { clock, settings } = deps;

  async function lockItem(tx: Tx, member: MemberActor, itemId: string): Promise<ItemRow> {
    // FOR UPDATE: two approvers deciding at once are applied one after the other.
    const [row] = await tx
      .select()
      .from(contentItems)
      .where(and(eq(contentItems.id, itemId), eq(contentItems.workspaceId, member.workspaceId)))
      .for('update');
    if (!row) throw notFound('Content item');
    return row;
  }

  async function blockingFindings(
    tx: Tx,
    engine: TComplianceEngine,
    item: ItemRow,
    locale: TLocale,
  ) {
    const variants = await loadVariants(tx, item.workspaceId, [item.id]);
    return findingsOf(engine, item, variants, locale).filter((f) => f.severity === 'block');
  }

  /** Refuses to go on past blocking findings unless a lead (or above) gives a written reason. */
  async function assertCompliant(
    tx: Tx,
    engine: TComplianceEngine,
    member: MemberActor,
    item: ItemRow,
    overrideReason: string | undefined,
    step: number,
    locale: TLocale,
  ) {
    const blocking = await blockingFindings(tx, engine, item, locale);
    if (blocking.length === 0) return;
    const alreadyOverridden = await tx.query.approvalDecisions.findFirst({
      where: and(
        eq(approvalDecisions.itemId, item.id),
        eq(approvalDecisions.version, item.version),
        eq(approvalDecisions.decision, 'override'),
      ),
    });
    if (alreadyOverridden) return;
    if (!overrideReason) {
      throw new DomainError(
        'COMPLIANCE_BLOCKED',
        `${blocking.length} blocking compliance finding(s) must be fixed first${can(member.role, 'content.override') ? ', or give an override reason' : ''}`,
        blocking.map((f) => ({
          field: f.accountId ? `variants.${f.accountId}.${f.field}` : f.field,
          message: `${f.text}: ${f.message}`,
        })),
      );
    }
    if (!can(member.role, 'content.override'))
      throw forbidden('Only a lead, admin or owner can override blocking findings');
    const now = clock.now();
    await tx.insert(approvalDecisions).values({
      workspaceId: item.workspaceId,
      itemId: item.id,
      version: item.version,
      step,
      userId: member.userId,
      decision: 'override',
      overrideReason,
      createdAt: now,
    });
    await recordAudit(tx, now, {
      workspaceId: item.workspaceId,
      actor: member,
      action: 'content.compliance-override',
      entityType: 'content',
      entityId: item.id,
      after: {
        version: item.version,
        reason: overrideReason,
        findings: blocking.map((f) => ({ ruleId: f.ruleId, text: f.text })),
      },
    });
  }

  /** 404 unless the item is in the member's workspace. */
  async function assertItem(member: MemberActor, itemId: string): Promise<void> {
    const row = await db.query.contentItems.findFirst({
      columns: { id: true },
      where: and(eq(contentItems.id, itemId), eq(contentItems.workspaceId, member.workspaceId)),
    });
    if (!row) throw notFound('Content item');
  }

  async function present(item: ItemRow, locale: TLocale): Promise<TContentItem> {
    return presentItem(db, await settings.engineFor(item.workspaceId), item, locale);
  }

  return {
    /** Sends a draft (or an item with changes requested) into review at the first step. */
    async submit(
      member: MemberActor,
      itemId: string,
      body: { overrideReason?: string },
      locale: TLocale,
    ): Promise<TContentItem> {
      if (!can(member.role, 'content.write')) throw forbidden();
      const now = clock.now();
      // Read outside the transaction: PGlite has one connection, a read beside an open transaction would wait forever.
      const engine = await settings.engineFor(member.workspaceId);
      const row = await db.transaction(async (tx) => {
        const item = await lockItem(tx, member, itemId);
        if (item.status !== 'draft' && item.status !== 'changes_requested') {
          throw new DomainError(
            'CONFLICT',
            `Only a draft can be submitted; this item is ${item.status}`,
          );
        }
        await assertCompliant(tx, engine, member, item, body.overrideReason, 0, locale);
        await tx.insert(approvalDecisions).values({
          workspaceId: item.workspaceId,
          itemId,
          version: item.version,
          step: 0,
          userId: member.userId,
          decision: 'submit',
          createdAt: now,
        });
        const [after] = await tx
          .update(contentItems)
          .set({ status: 'in_review', reviewStep: 0, updatedAt: now })
          .where(eq(contentItems.id, itemId))
          .returning();
        await recordAudit(tx, now, {
          workspaceId: item.workspaceId,
          actor: member,
          action: 'content.submit',
          entityType: 'content',
          entityId: itemId,
          before: { status: item.status },
          after: { status: 'in_review', version: item.version },
        });
        return after ?? item;
      });
      return present(row, locale);
    },

    /**
     * An approver's decision on the current step. `any` steps pass with one approval; `all` steps
     * wait for every member holding one of the step's roles. The last step approves the version.
     */
    async decide(
      member: MemberActor,
      itemId: string,
      input: TDecisionBody,
      locale: TLocale,
    ): Promise<TContentItem> {
      const body = ZDecisionBody.parse(input);
      const flow = (await settings.getSettings(member.workspaceId)).approvalFlow;
      const engine = await settings.engineFor(member.workspaceId);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const item = await lockItem(tx, member, itemId);
        if (item.status !== 'in_review' || item.reviewStep === null) {
          throw new DomainError(
            'CONFLICT',
            `This item is ${item.status}, not waiting for approval`,
          );
        }
        const stepIndex = Math.min(item.reviewStep, flow.steps.length - 1);
        const step = flow.steps[stepIndex];
        if (!step) throw new DomainError('CONFLICT', 'The approval flow has no steps');
        if (!step.roles.includes(member.role) || !member.userId) {
          throw forbidden(`This step ("${step.name}") is decided by: ${step.roles.join(', ')}`);
        }
        // Separation of duties: an author does not approve their own work, except an owner (a one-person shop).
        const submitted = await tx.query.approvalDecisions.findFirst({
          where: and(
            eq(approvalDecisions.itemId, itemId),
            eq(approvalDecisions.version, item.version),
            eq(approvalDecisions.decision, 'submit'),
          ),
          orderBy: (d, { desc }) => [desc(d.createdAt)],
        });
        if (
          body.decision === 'approve' &&
          submitted?.userId === member.userId &&
          member.role !== 'owner'
        ) {
          throw forbidden('You cannot approve content you submitted; ask another approver');
        }
        if (body.decision === 'request_changes') {
          await tx.insert(approvalDecisions).values({
            workspaceId: item.workspaceId,
            itemId,
            version: item.version,
            step: stepIndex,
            userId: member.userId,
            decision: 'request_changes',
            comment: body.comment ?? null,
            createdAt: now,
          });
          const [after] = await tx
            .update(contentItems)
            .set({ status: 'changes_requested', reviewStep: null, updatedAt: now })
            .where(eq(contentItems.id, itemId))
            .returning();
          if (body.comment) {
            await tx.insert(contentComments).values({
              workspaceId: item.workspaceId,
              itemId,
              version: item.version,
              userId: member.userId,
              body: body.comment,
              createdAt: now,
            });
          }
          await recordAudit(tx, now, {
            workspaceId: item.workspaceId,
            actor: member,
            action: 'content.request-changes',
            entityType: 'content',
            entityId: itemId,
            before: { status: item.status },
            after: {
              status: 'changes_requested',
              version: item.version,
              comment: body.comment ?? null,
            },
          });
          return after ?? item;
        }
        await assertCompliant(tx, engine, member, item, body.overrideReason, stepIndex, locale);
        await tx.insert(approvalDecisions).values({
          workspaceId: item.workspaceId,
          itemId,
          version: item.version,
          step: stepIndex,
          userId: member.userId,
          decision: 'approve',
          comment: body.comment ?? null,
          createdAt: now,
        });
        let stepDone = true;
        if (step.mode === 'all') {
          const eligible = await tx
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(
              and(
                eq(memberships.workspaceId, item.workspaceId),
                inArray(memberships.role, step.roles),
              ),
            );
          const approved = await tx
            .select({ userId: approvalDecisions.userId })
            .from(approvalDecisions)
            .where(
              and(
                eq(approvalDecisions.itemId, itemId),
                eq(approvalDecisions.version, item.version),
                eq(approvalDecisions.step, stepIndex),
                eq(approvalDecisions.decision, 'approve'),
              ),
            );
          const have = new Set(approved.map((a) => a.userId));
          stepDone = eligible
            .filter((e) => e.userId !== submitted?.userId)
            .every((e) => have.has(e.userId));
        }
        const last = stepIndex >= flow.steps.length - 1;
        const patch = !stepDone
          ? { updatedAt: now }
          : last
            ? {
                status: 'approved' as const,
                approvedVersion: item.version,
                reviewStep: null,
                updatedAt: now,
              }
            : { reviewStep: stepIndex + 1, updatedAt: now };
        const [after] = await tx
          .update(contentItems)
          .set(patch)
          .where(eq(contentItems.id, itemId))
          .returning();
        if (body.comment) {
          await tx.insert(contentComments).values({
            workspaceId: item.workspaceId,
            itemId,
            version: item.version,
            userId: member.userId,
            body: body.comment,
            createdAt: now,
          });
        }
        await recordAudit(tx, now, {
          workspaceId: item.workspaceId,
          actor: member,
          action: 'content.approve',
          entityType: 'content',
          entityId: itemId,
          before: { status: item.status, step: stepIndex },
          after: { status: after?.status, version: item.version, step: after?.reviewStep ?? null },
        });
        return after ?? item;
      });
      return present(row, locale);
    },

    /** The item's approval history (submissions, decisions, overrides), oldest first. */
    async listDecisions(member: MemberActor, itemId: string): Promise<TDecision[]> {
      if (!can(member.role, 'content.read')) throw forbidden();
      await assertItem(member, itemId);
      const rows = await db
        .select({ d: approvalDecisions, name: users.displayName })
        .from(approvalDecisions)
        .leftJoin(users, eq(users.id, approvalDecisions.userId))
        .where(
          and(
            eq(approvalDecisions.itemId, itemId),
            eq(approvalDecisions.workspaceId, member.workspaceId),
          ),
        )
        .orderBy(asc(approvalDecisions.createdAt));
      return rows.map(({ d, name }) => ({
        id: d.id,
        version: d.version,
        step: d.step,
        userId: d.userId,
        userName: name,
        decision: d.decision,
        comment: d.comment,
        overrideReason: d.overrideReason,
        createdAt: d.createdAt.toISOString(),
      }));
    },

    /** Adds a comment on the item's current version, optionally anchored to a passage. */
    async addComment(
      member: MemberActor,
      itemId: string,
      input: z.input<typeof ZCommentBody>,
    ): Promise<TComment> {
      if (!can(member.role, 'content.read') || !member.userId) throw forbidden();
      const body = ZCommentBody.parse(input);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [item] = await tx
          .select()
          .from(contentItems)
          .where(
            and(eq(contentItems.id, itemId), eq(contentItems.workspaceId, member.workspaceId)),
          );
        if (!item) throw notFound('Content item');
        const [c] = await tx
          .insert(contentComments)
          .values({
            workspaceId: member.workspaceId,
            itemId,
            version: item.version,
            userId: member.userId,
            body: body.body,
            anchor: body.anchor ?? null,
            createdAt: now,
          })
          .returning();
        if (!c) throw new Error('comment insert returned nothing');
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'content.comment',
          entityType: 'content',
          entityId: itemId,
          after: { version: c.version, body: c.body },
        });
        const user = await tx.query.users.findFirst({
          columns: { displayName: true },
          where: eq(users.id, member.userId ?? ''),
        });
        return {
          id: c.id,
          version: c.version,
          userId: c.userId,
          userName: user?.displayName ?? null,
          body: c.body,
          anchor: c.anchor,
          createdAt: c.createdAt.toISOString(),
        };
      });
    },

    /** Comments on the item, oldest first. */
    async listComments(member: MemberActor, itemId: string): Promise<TComment[]> {
      if (!can(member.role, 'content.read')) throw forbidden();
      await assertItem(member, itemId);
      const rows = await db
        .select({ c: contentComments, name: users.displayName })
        .from(contentComments)
        .leftJoin(users, eq(users.id, contentComments.userId))
        .where(
          and(
            eq(contentComments.itemId, itemId),
            eq(contentComments.workspaceId, member.workspaceId),
          ),
        )
        .orderBy(asc(contentComments.createdAt));
      return rows.map(({ c, name }) => ({
        id: c.id,
        version: c.version,
        userId: c.userId,
        userName: name,
        body: c.body,
        anchor: c.anchor,
        createdAt: c.createdAt.toISOString(),
      }));
    },
  };
}

export type ApprovalService = ReturnType<typeof createApprovalService>;
