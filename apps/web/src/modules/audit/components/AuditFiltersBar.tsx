import { DatePicker, Select, Space, Tag } from 'antd';
import { dayjs } from '../../../app/dates';
import { useI18n } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useMembers } from '../../members/api';
import type { AuditFilters } from '../api';
import type { useAuditFilters } from '../hooks';

/** Entity types the API writes today; an unknown one from a link still shows as itself. */
export const AUDIT_ENTITY_TYPES = [
  'workspace',
  'member',
  'invitation',
  'api-token',
  'account',
] as const;

export function AuditFiltersBar({
  filters,
  setFilters,
}: {
  filters: AuditFilters;
  setFilters: ReturnType<typeof useAuditFilters>['setFilters'];
}) {
  const { t, tMaybe } = useI18n();
  const ws = useWorkspace();
  const members = useMembers(ws.workspaceId, ws.can('members.read'));
  const entityTypes: string[] = [...AUDIT_ENTITY_TYPES];
  if (filters.entityType && !entityTypes.includes(filters.entityType))
    entityTypes.push(filters.entityType);

  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }}>
      <Select<string>
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('audit.filter.person')}
        value={filters.actorUserId}
        loading={members.isPending}
        onChange={(value) => setFilters({ actorUserId: value })}
        style={{ minWidth: 200 }}
        data-testid="audit-filter-person"
        options={(members.data ?? []).map((m) => ({
          value: m.userId,
          label: `${m.displayName} (${m.email})`,
        }))}
      />
      <Select<string>
        allowClear
        placeholder={t('audit.filter.entityType')}
        value={filters.entityType}
        onChange={(value) => setFilters({ entityType: value, entityId: undefined })}
        style={{ minWidth: 180 }}
        data-testid="audit-filter-entity-type"
        options={entityTypes.map((type) => ({
          value: type,
          label: tMaybe(`audit.entity.${type}`) ?? type,
        }))}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(range) =>
          setFilters({
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
        data-testid="audit-filter-dates"
      />
      {filters.entityId ? (
        <Tag
          closable
          onClose={() => setFilters({ entityId: undefined })}
          data-testid="audit-filter-entity"
        >
          {t('audit.filter.onlyEntity', { id: filters.entityId.slice(0, 8) })}
        </Tag>
      ) : null}
    </Space>
  );
}
