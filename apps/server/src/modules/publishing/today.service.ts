import { workspaceTimeZone } from '../workspaces/time-zone';
import { and, eq, inArray } from 'drizzle-orm';
import type { TToday } from '@yunce/contracts';
import { zonedDayStart } from '@yunce/core';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { approvalDecisions, contentItems } from '../content/content.tables';
import type { ContentSettingsService } from '../content/content.settings';
import type { PublishingService } from './publishing.service';
import { localDate, nextDate } from './publishing.time';

/** 今日运营: what each person has to do today, each row linking to where it is handled. */
export function createTodayService(deps: {
  database: Database;
  clock: Clock;
  publishing: PublishingService;
  contentSettings: ContentSettingsService;
}) {
  const { db } = deps.database;
  return {
    async today(member: MemberActor): Promise<TToday> {
      const tz = await workspaceTimeZone(db, member.workspaceId);
      const date = localDate(deps.clock.now(), tz);
      const from = zonedDayStart(date, tz);
      const to = zonedDayStart(nextDate(date), tz);
      const p = deps.publishing;
      const [dueToday, manualWaiting, needsCheck, failed] = [
        await p.listPublications(member, {
          from,
          to,
          statuses: ['scheduled', 'retrying', 'publishing', 'pending', 'published', 'held'],
        }),
        await p.listPublications(member, { statuses: ['manual_pending', 'held'] }),
        await p.listPublications(member, { statuses: ['needs_check'] }),
        await p.listPublications(member, { statuses: ['failed'] }),
      ];
      const flow = (await deps.contentSettings.getSettings(member.workspaceId)).approvalFlow;
      const inReview = await db
        .select({
          id: contentItems.id,
          title: contentItems.title,
          step: contentItems.reviewStep,
          version: contentItems.version,
        })
        .from(contentItems)
        .where(
          and(
            eq(contentItems.workspaceId, member.workspaceId),
            eq(contentItems.status, 'in_review'),
          ),
        );
      const mine = inReview.filter((i) => flow.steps[i.step ?? 0]?.roles.includes(member.role));
      const submits = mine.length
        ? await db
            .select({
              itemId: approvalDecisions.itemId,
              at: approvalDecisions.createdAt,
              userId: approvalDecisions.userId,
            })
            .from(approvalDecisions)
            .where(
              and(
                inArray(
                  approvalDecisions.itemId,
                  mine.map((m) => m.id),
                ),
                eq(approvalDecisions.decision, 'submit'),
              ),
            )
        : [];
      return {
        date,
        timeZone: tz,
        dueToday,
        manualWaiting,
        needsCheck,
        failed,
        awaitingMyApproval: mine
          // Your own submission is not yours to approve (except for owners, see the approval rules).
          .filter(
            (i) =>
              member.role === 'owner' ||
              !submits.some((s) => s.itemId === i.id && s.userId === member.userId),
          )
          .map((i) => ({
            id: i.id,
            title: i.title,
            step: flow.steps[i.step ?? 0]?.name ?? '',
            submittedAt:
              submits
                .filter((s) => s.itemId === i.id)
                .sort((a, b) => b.at.getTime() - a.at.getTime())[0]
                ?.at.toISOString() ?? null,
          })),
      };
    },
  };
}

export type TodayService = ReturnType<typeof createTodayService>;
