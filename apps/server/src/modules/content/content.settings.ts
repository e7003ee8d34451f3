import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { BUILTIN_PILLARS, ZApprovalFlow, type TApprovalFlow } from '@yunce/contracts';
import {
  BUILT_IN_RULE_SETS,
  createComplianceEngine,
  parseWorkspaceConfig,
  RuleFileError,
  ZComplianceWorkspaceConfig,
  type TComplianceEngine,
  type TComplianceWorkspaceConfig,
} from '@yunce/core';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { DomainError, invalid } from '../../platform/errors';
import { recordAudit } from '../audit/audit.service';
import { assertCan } from '../workspaces/workspaces.service';
import { contentSettings } from './content.tables';

/** Without a configured flow, one lead (or admin/owner) approves. */
export const DEFAULT_APPROVAL_FLOW: TApprovalFlow = {
  steps: [{ name: '主管审核', roles: ['lead', 'admin', 'owner'], mode: 'any' }],
};

export const ZCustomPillar = z.object({ id: z.uuid(), name: z.string().trim().min(1).max(20) });

export const ZContentSettings = z.object({
  approvalFlow: ZApprovalFlow,
  customPillars: z.array(ZCustomPillar).max(30),
  compliance: ZComplianceWorkspaceConfig,
  builtinPillars: z.array(z.string()),
});
export type TContentSettings = z.infer<typeof ZContentSettings>;

export const ZUpdateContentSettingsBody = z.object({
  approvalFlow: ZApprovalFlow.optional(),
  customPillars: z
    .array(ZCustomPillar.extend({ id: z.uuid().optional() }))
    .max(30)
    .optional(),
  compliance: ZComplianceWorkspaceConfig.optional(),
});
export type TUpdateContentSettingsInput = z.input<typeof ZUpdateContentSettingsBody>;
export type TUpdateContentSettingsBody = z.infer<typeof ZUpdateContentSettingsBody>;

type CachedEngine = { updatedAt: number; engine: TComplianceEngine };

export function createContentSettingsService(deps: { database: Database; clock: Clock }) {
  const { db } = deps.database;
  const { clock } = deps;
  // Compiled engines per workspace, rebuilt when the workspace's lists change.
  const engines = new Map<string, CachedEngine>();
  const builtIn = createComplianceEngine(BUILT_IN_RULE_SETS);

  async function read(workspaceId: string) {
    const row = await db.query.contentSettings.findFirst({
      where: eq(contentSettings.workspaceId, workspaceId),
    });
    // Stored lists were validated on save; a row from an older schema falls back to none.
    const stored = ZComplianceWorkspaceConfig.safeParse(row?.compliance ?? {});
    const compliance: TComplianceWorkspaceConfig = stored.success
      ? stored.data
      : parseWorkspaceConfig({});
    return {
      approvalFlow: row?.approvalFlow ?? DEFAULT_APPROVAL_FLOW,
      customPillars: row?.customPillars ?? [],
      compliance,
      updatedAt: row?.updatedAt.getTime() ?? 0,
    };
  }

  const service = {
    /** The workspace's approval flow, pillars and compliance lists (defaults when never set). */
    async getSettings(workspaceId: string): Promise<TContentSettings> {
      const s = await read(workspaceId);
      return {
        approvalFlow: s.approvalFlow,
        customPillars: s.customPillars,
        compliance: s.compliance,
        builtinPillars: [...BUILTIN_PILLARS],
      };
    },

    /** Changes the settings; a malformed compliance list is refused naming the field. */
    async updateSettings(
      member: MemberActor,
      body: TUpdateContentSettingsBody,
    ): Promise<TContentSettings> {
      assertCan(member, 'content.settings');
      let compliance: TComplianceWorkspaceConfig | undefined;
      if (body.compliance !== undefined) {
        try {
          compliance = parseWorkspaceConfig(ZComplianceWorkspaceConfig.parse(body.compliance));
          // Compile once now so a config the engine cannot use is refused before it is saved.
          createComplianceEngine(BUILT_IN_RULE_SETS, compliance);
        } catch (err) {
          if (err instanceof RuleFileError || err instanceof z.ZodError) {
            throw invalid('compliance', err.message);
          }
          throw err;
        }
      }
      const customPillars = body.customPillars?.map((p) => ({
        id: p.id ?? crypto.randomUUID(),
        name: p.name,
      }));
      if (
        customPillars &&
        new Set(customPillars.map((p) => p.name)).size !== customPillars.length
      ) {
        throw invalid('customPillars', 'pillar names must be unique');
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        const before = await tx.query.contentSettings.findFirst({
          where: eq(contentSettings.workspaceId, member.workspaceId),
        });
        const values = {
          ...(body.approvalFlow ? { approvalFlow: body.approvalFlow } : {}),
          ...(customPillars ? { customPillars } : {}),
          ...(compliance ? { compliance } : {}),
          updatedAt: now,
        };
        const [after] = await tx
          .insert(contentSettings)
          .values({ workspaceId: member.workspaceId, ...values })
          .onConflictDoUpdate({ target: contentSettings.workspaceId, set: values })
          .returning();
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'content-settings.update',
          entityType: 'content-settings',
          entityId: member.workspaceId,
          before: before ?? null,
          after,
        });
      });
      engines.delete(member.workspaceId);
      return service.getSettings(member.workspaceId);
    },

    /** The compliance engine for a workspace: built-in rules plus the workspace's own lists. */
    async engineFor(workspaceId: string): Promise<TComplianceEngine> {
      const s = await read(workspaceId);
      if (s.updatedAt === 0) return builtIn;
      const cached = engines.get(workspaceId);
      if (cached && cached.updatedAt === s.updatedAt) return cached.engine;
      try {
        const engine = createComplianceEngine(BUILT_IN_RULE_SETS, s.compliance);
        engines.set(workspaceId, { updatedAt: s.updatedAt, engine });
        return engine;
      } catch (err) {
        // A stored list that no longer compiles (rules changed under it) must not stop all work.
        if (err instanceof RuleFileError) return builtIn;
        throw err;
      }
    },

    /** Whether `pillar` names a built-in or one of the workspace's own pillars. */
    async assertPillar(workspaceId: string, pillar: string | null | undefined): Promise<void> {
      if (!pillar || (BUILTIN_PILLARS as readonly string[]).includes(pillar)) return;
      const s = await read(workspaceId);
      if (!s.customPillars.some((p) => `custom:${p.id}` === pillar)) {
        throw new DomainError('VALIDATION', 'pillar: unknown content pillar', [
          { field: 'pillar', message: 'unknown content pillar' },
        ]);
      }
    },
  };
  return service;
}

export type ContentSettingsService = ReturnType<typeof createContentSettingsService>;
