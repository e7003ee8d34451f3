import { useCallback } from 'react';
import { Tooltip, Typography } from 'antd';
import { PLATFORMS, type TPlatform } from '@yunce/contracts';
import { useDates } from '../../../app/format';
import { useI18n } from '../../../app/i18n/context';
import { platformName } from '../../accounts/platforms';
import { diffAuditValues, formatAuditValue } from '../utils/diff';
import { AUDIT_FIELD_LABELS, AUDIT_VALUE_PREFIXES, isIsoDateTime } from '../utils/labels';

/** Before → after of each changed field, with field names and values in words. */
export function AuditChanges({
  entityType,
  before,
  after,
}: {
  entityType: string;
  before: unknown;
  after: unknown;
}) {
  const { t, tMaybe, locale } = useI18n();
  const dates = useDates();

  const formatValue = useCallback(
    (path: string, value: unknown): string => {
      const leaf = path.split('.').pop() ?? path;
      const one = (v: unknown): string => {
        if (isIsoDateTime(v)) return dates.dateTime(v);
        if (typeof v !== 'string') return formatAuditValue(v);
        if (leaf === 'platform' && PLATFORMS.includes(v as TPlatform))
          return platformName(v as TPlatform, locale);
        if (leaf === 'status')
          return tMaybe(`account.status.${v}`) ?? tMaybe(`invitations.status.${v}`) ?? v;
        const prefix = AUDIT_VALUE_PREFIXES[leaf];
        return (prefix && tMaybe(`${prefix}${v}`)) || v;
      };
      if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(one).join('、');
      return value === null || value === undefined || value === '' ? '—' : one(value);
    },
    [dates, tMaybe, locale],
  );

  const changes = diffAuditValues(before, after);
  if (changes.length === 0)
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <table className="yc-diff" data-testid="audit-diff">
      <thead>
        <tr>
          <th style={{ width: '28%' }}>{t('audit.field')}</th>
          <th>{t('audit.before')}</th>
          <th>{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => {
          const labelKey = AUDIT_FIELD_LABELS[`${entityType}.${c.path}`];
          return (
            <tr key={c.path || 'value'}>
              <td>
                <Tooltip title={c.path || undefined}>
                  <span>{labelKey ? t(labelKey) : c.path || t('audit.value')}</span>
                </Tooltip>
              </td>
              <td className={c.kind === 'added' ? undefined : 'yc-diff-before'}>
                {formatValue(c.path, c.before)}
              </td>
              <td className={c.kind === 'removed' ? undefined : 'yc-diff-after'}>
                {formatValue(c.path, c.after)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
