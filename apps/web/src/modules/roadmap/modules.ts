import type { MessageKey } from '../../app/i18n/messages';

/** Modules of the SPEC that are not built yet; each page says honestly what it will do. */
export const PLANNED_MODULES = [
  'contentLibrary',
  'contentCalendar',
  'inbox',
  'contacts',
  'communities',
  'campaigns',
  'competitors',
  'monitoring',
  'academy',
] as const;
export type TPlannedModule = (typeof PLANNED_MODULES)[number];

export interface PlannedModuleText {
  title: MessageKey;
  summary: MessageKey;
  features: readonly MessageKey[];
}

export const PLANNED_MODULE_TEXT: Record<TPlannedModule, PlannedModuleText> = {
  contentLibrary: {
    title: 'nav.contentLibrary',
    summary: 'roadmap.contentLibrary.summary',
    features: [
      'roadmap.contentLibrary.f1',
      'roadmap.contentLibrary.f2',
      'roadmap.contentLibrary.f3',
      'roadmap.contentLibrary.f4',
    ],
  },
  contentCalendar: {
    title: 'nav.contentCalendar',
    summary: 'roadmap.contentCalendar.summary',
    features: [
      'roadmap.contentCalendar.f1',
      'roadmap.contentCalendar.f2',
      'roadmap.contentCalendar.f3',
      'roadmap.contentCalendar.f4',
    ],
  },
  inbox: {
    title: 'nav.inbox',
    summary: 'roadmap.inbox.summary',
    features: ['roadmap.inbox.f1', 'roadmap.inbox.f2', 'roadmap.inbox.f3', 'roadmap.inbox.f4'],
  },
  contacts: {
    title: 'nav.contacts',
    summary: 'roadmap.contacts.summary',
    features: ['roadmap.contacts.f1', 'roadmap.contacts.f2', 'roadmap.contacts.f3'],
  },
  communities: {
    title: 'nav.communities',
    summary: 'roadmap.communities.summary',
    features: [
      'roadmap.communities.f1',
      'roadmap.communities.f2',
      'roadmap.communities.f3',
      'roadmap.communities.f4',
    ],
  },
  campaigns: {
    title: 'nav.campaigns',
    summary: 'roadmap.campaigns.summary',
    features: [
      'roadmap.campaigns.f1',
      'roadmap.campaigns.f2',
      'roadmap.campaigns.f3',
      'roadmap.campaigns.f4',
    ],
  },
  competitors: {
    title: 'nav.competitors',
    summary: 'roadmap.competitors.summary',
    features: ['roadmap.competitors.f1', 'roadmap.competitors.f2', 'roadmap.competitors.f3'],
  },
  monitoring: {
    title: 'nav.monitoring',
    summary: 'roadmap.monitoring.summary',
    features: [
      'roadmap.monitoring.f1',
      'roadmap.monitoring.f2',
      'roadmap.monitoring.f3',
      'roadmap.monitoring.f4',
    ],
  },
  academy: {
    title: 'nav.academy',
    summary: 'roadmap.academy.summary',
    features: ['roadmap.academy.f1', 'roadmap.academy.f2', 'roadmap.academy.f3'],
  },
};
