import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ANALYTICS_METRIC_KEYS } from '@yunce/contracts';
import { useT } from '../../../../app/i18n/context';
import { useMetricText } from '../../hooks';
import {
  COLUMN_PARSES,
  TEXT_FIELDS,
  defaultParse,
  mappingProblems,
  type TColumnParse,
  type TImportField,
  type TImportGrain,
  type TMappingRow,
} from '../../utils/mapping';

export interface MappingResult {
  rows: TMappingRow[];
  grain: TImportGrain;
  /** Save the mapping as a workspace preset under this name first. */
  presetName: string | null;
}

/**
 * The column-mapping screen for a file no preset fits: each header gets a field (or is
 * ignored) and a parse type; optionally saved as a workspace preset for next time.
 */
export function MappingEditor({
  initialRows,
  initialGrain,
  rawSample,
  busy,
  onApply,
  onCancel,
}: {
  initialRows: TMappingRow[];
  initialGrain: TImportGrain;
  rawSample: readonly (readonly string[])[];
  busy: boolean;
  onApply: (result: MappingResult) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const m = useMetricText();
  const [rows, setRows] = useState(initialRows);
  const [grain, setGrain] = useState(initialGrain);
  const [save, setSave] = useState(false);
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const problems = mappingProblems(rows, grain);
  const nameMissing = save && name.trim() === '';

  const update = (index: number, patch: Partial<TMappingRow>) =>
    setRows((prev) => prev.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const used = new Map<TImportField, number>();
  for (const r of rows) if (r.field) used.set(r.field, (used.get(r.field) ?? 0) + 1);

  const fieldOptions = [
    {
      label: t('analytics.mapping.group.basic'),
      options: TEXT_FIELDS.map((f) => ({ value: f, label: t(`analytics.field.${f}`) })),
    },
    {
      label: t('analytics.mapping.group.metrics'),
      options: ANALYTICS_METRIC_KEYS.map((k) => ({ value: k, label: m.label(k) })),
    },
  ];

  const columns: TableColumnsType<TMappingRow & { index: number }> = [
    {
      key: 'header',
      title: t('analytics.mapping.header'),
      render: (_, r) => <Typography.Text strong>{r.header || '—'}</Typography.Text>,
    },
    {
      key: 'sample',
      title: t('analytics.mapping.sample'),
      render: (_, r) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
          {rawSample
            .slice(0, 3)
            .map((line) => line[r.index] ?? '')
            .filter((v) => v !== '')
            .join(' | ') || '—'}
        </Typography.Text>
      ),
    },
    {
      key: 'field',
      title: t('analytics.mapping.field'),
      render: (_, r) => (
        <Select<TImportField | null>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          placeholder={t('analytics.mapping.ignore')}
          value={r.field}
          status={r.field && (used.get(r.field) ?? 0) > 1 ? 'error' : undefined}
          onChange={(field) =>
            update(r.index, { field: field ?? null, parse: defaultParse(field ?? null) })
          }
          options={fieldOptions}
          aria-label={t('analytics.mapping.fieldFor', { header: r.header })}
          data-testid={`mapping-field-${r.index}`}
        />
      ),
    },
    {
      key: 'parse',
      title: t('analytics.mapping.parse'),
      render: (_, r) => (
        <Select<TColumnParse>
          style={{ width: 160 }}
          value={r.parse}
          disabled={r.field === null}
          onChange={(parse) => update(r.index, { parse })}
          options={COLUMN_PARSES.map((p) => ({ value: p, label: t(`analytics.parse.${p}`) }))}
          aria-label={t('analytics.mapping.parseFor', { header: r.header })}
          data-testid={`mapping-parse-${r.index}`}
        />
      ),
    },
  ];

  const apply = () => {
    setTried(true);
    if (problems.length > 0 || nameMissing) return;
    onApply({ rows, grain, presetName: save ? name.trim() : null });
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-mapping">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('analytics.mapping.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Typography.Text>{t('analytics.mapping.grain')}</Typography.Text>
        <Radio.Group
          value={grain}
          onChange={(e) => setGrain(e.target.value as TImportGrain)}
          optionType="button"
          options={[
            { value: 'content', label: t('analytics.import.grain.content') },
            { value: 'account', label: t('analytics.import.grain.account') },
          ]}
          aria-label={t('analytics.mapping.grain')}
          data-testid="mapping-grain"
        />
      </Space>
      <Table
        size="small"
        rowKey="index"
        columns={columns}
        dataSource={rows.map((r, index) => ({ ...r, index }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {tried && problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="mapping-problems"
          title={t('analytics.mapping.problems')}
          description={
            <ul className="yc-plain-list">
              {problems.map((p) => (
                <li key={p}>{t(`analytics.mapping.problem.${p}`)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Space wrap align="start">
        <Checkbox
          checked={save}
          onChange={(e) => setSave(e.target.checked)}
          data-testid="mapping-save"
        >
          {t('analytics.mapping.save')}
        </Checkbox>
        {save ? (
          <Space orientation="vertical" size={2}>
            <Input
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('analytics.mapping.presetName')}
              status={tried && nameMissing ? 'error' : undefined}
              aria-label={t('analytics.mapping.presetName')}
              aria-invalid={tried && nameMissing}
              style={{ width: 260 }}
              data-testid="mapping-preset-name"
            />
            {tried && nameMissing ? (
              <Typography.Text type="danger" role="alert">
                {t('validation.required')}
              </Typography.Text>
            ) : null}
          </Space>
        ) : null}
      </Space>
      <Space>
        <Button type="primary" onClick={apply} loading={busy} data-testid="mapping-apply">
          {t('analytics.mapping.apply')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
      </Space>
    </Space>
  );
}
