import { Descriptions, Tag, Typography } from 'antd';
import type { TAccount } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import { DateTime } from '../../../ui/DateTime';
import { PlatformTag } from './PlatformTag';

const none = '—';

function Tags({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <>{none}</>;
  return (
    <>
      {values.map((v) => (
        <Tag key={v} style={{ marginBottom: 4 }}>
          {v}
        </Tag>
      ))}
    </>
  );
}

/** Every field of an account as the operator entered it. */
export function AccountProfile({ account }: { account: TAccount }) {
  const { t } = useI18n();
  const { persona } = account;
  return (
    <Descriptions
      column={1}
      size="small"
      data-testid="account-profile"
      styles={{ label: { width: 140 } }}
      items={[
        {
          key: 'platform',
          label: t('account.field.platform'),
          children: <PlatformTag platform={account.platform} />,
        },
        { key: 'name', label: t('account.field.name'), children: account.name },
        { key: 'handle', label: t('account.field.handle'), children: account.handle ?? none },
        {
          key: 'bio',
          label: t('account.field.bio'),
          children: account.bio ? (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {account.bio}
            </Typography.Paragraph>
          ) : (
            none
          ),
        },
        { key: 'category', label: t('account.field.category'), children: account.category ?? none },
        {
          key: 'purpose',
          label: t('account.field.purpose'),
          children: account.purpose ? t(`account.purpose.${account.purpose}`) : none,
        },
        {
          key: 'tone',
          label: t('account.field.toneOfVoice'),
          children: account.toneOfVoice ?? none,
        },
        {
          key: 'ages',
          label: t('account.field.ageBands'),
          children: <Tags values={persona.ageBands.map((b) => t(`account.ageBand.${b}`))} />,
        },
        {
          key: 'gender',
          label: t('account.field.gender'),
          children: t(`account.gender.${persona.gender}`),
        },
        {
          key: 'regions',
          label: t('account.field.regions'),
          children: <Tags values={persona.regions} />,
        },
        {
          key: 'interests',
          label: t('account.field.interests'),
          children: <Tags values={persona.interests} />,
        },
        {
          key: 'habits',
          label: t('account.field.consumptionHabits'),
          children: persona.consumptionHabits || none,
        },
        {
          key: 'plan',
          label: t('account.field.postsPerWeek'),
          children: account.postingPlan
            ? t('account.postsPerWeekValue', { count: account.postingPlan.postsPerWeek })
            : none,
        },
        {
          key: 'connection',
          label: t('account.field.connectionType'),
          children: t(`account.connection.${account.connectionType}`),
        },
        {
          key: 'created',
          label: t('common.createdAt'),
          children: <DateTime value={account.createdAt} />,
        },
        {
          key: 'updated',
          label: t('common.updatedAt'),
          children: <DateTime value={account.updatedAt} />,
        },
        ...(account.archivedAt
          ? [
              {
                key: 'archived',
                label: t('account.archivedAt'),
                children: <DateTime value={account.archivedAt} />,
              },
            ]
          : []),
      ]}
    />
  );
}
