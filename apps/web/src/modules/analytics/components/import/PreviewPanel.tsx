import {
  Alert,
  Descriptions,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { TImportErrorView, TImportPreview, TPreviewRow } from '@yunce/contracts';
import { isMetricKey, type TMetricKey } from '@yunce/core';
import { useT } from '../../../../app/i18n/context';
import { DateTime } from '../../../../ui/DateTime';
import { useMetricText } from '../../hooks';

/** The row-level problems of a file: which row, which column, what was there, what is wrong. */
export function ImportErrorsTable({
  errors,
  testId,
}: {
  errors: readonly TImportErrorView[];
  testId?: string;
}) {
  const t = useT();
  const columns: TableColumnsType<TImportErrorView> = [
    { key: 'row', title: t('analytics.import.errors.row'), dataIndex: 'row', width: 72 },
    { key: 'column', title: t('analytics.import.errors.column'), dataIndex: 'column' },
    {
      key: 'value',
      title: t('analytics.import.errors.value'),
      render: (_, e) => <Typography.Text code>{e.value === '' ? '∅' : e.value}</Typography.Text>,
    },
    { key: 'message', title: t('analytics.import.errors.message'), dataIndex: 'message' },
    {
      key: 'skipped',
      title: t('analytics.import.errors.effect'),
      render: (_, e) =>
        e.rowSkipped ? (
          <Tag color="red">{t('analytics.import.errors.rowSkipped')}</Tag>
        ) : (
          <Tag color="orange">{t('analytics.import.errors.cellSkipped')}</Tag>
        ),
    },
  ];
  return (
    <Table<TImportErrorView>
      size="small"
      rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
      columns={columns}
      dataSource={[...errors]}
      pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}

/** What importing the file would do, before anything is written. */
export function PreviewPanel({
  preview,
  onSheet,
  sheetLoading,
}: {
  preview: TImportPreview;
  onSheet: (sheet: string) => void;
  sheetLoading: boolean;
}) {
  const t = useT();
  const m = useMetricText();
  const metricKeys = [
    ...new Set(preview.sample.flatMap((r) => Object.keys(r.metrics)).filter(isMetricKey)),
  ] as TMetricKey[];
  const sampleColumns: TableColumnsType<TPreviewRow> = [
    { key: 'row', title: t('analytics.import.errors.row'), dataIndex: 'row', width: 64 },
    {
      key: 'action',
      title: t('analytics.import.sample.action'),
      render: (_, r) =>
        r.action === 'create' ? (
          <Tag color="green">{t('analytics.import.sample.create')}</Tag>
        ) : (
          <Tag color="blue">{t('analytics.import.sample.update')}</Tag>
        ),
    },
    { key: 'date', title: t('analytics.import.sample.date'), dataIndex: 'date' },
    {
      key: 'title',
      title: t('analytics.content.title'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>
            {r.title ??
              r.externalId ??
              (r.channel && r.channel !== 'all'
                ? r.channel
                : t('analytics.import.sample.wholeAccount'))}
          </span>
          {r.matchedItemTitle ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('analytics.import.sample.matched', { title: r.matchedItemTitle })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'publishedAt',
      title: t('analytics.content.publishedAt'),
      render: (_, r) => <DateTime value={r.publishedAt} />,
    },
    ...metricKeys.map((key) => ({
      key,
      title: m.label(key),
      align: 'right' as const,
      render: (_: unknown, r: TPreviewRow) => m.format(key, r.metrics[key]),
    })),
  ];
  const totals = Object.entries(preview.totals).filter(
    (e): e is [TMetricKey, number] => isMetricKey(e[0]) && typeof e[1] === 'number',
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-preview">
      {preview.importedBefore ? (
        <Alert
          type="warning"
          showIcon
          data-testid="import-imported-before"
          title={t('analytics.import.importedBefore.title')}
          description={
            <>
              {t('analytics.import.importedBefore.when')}{' '}
              <DateTime value={preview.importedBefore} />
              {t('analytics.import.importedBefore.body')}
            </>
          }
        />
      ) : null}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'file', label: t('analytics.import.preview.file'), children: preview.fileName },
          {
            key: 'sheet',
            label: t('analytics.import.preview.sheet'),
            children:
              preview.sheets.length > 1 ? (
                <Select
                  size="small"
                  value={preview.sheet}
                  loading={sheetLoading}
                  onChange={onSheet}
                  options={preview.sheets.map((s) => ({ value: s, label: s }))}
                  style={{ minWidth: 160 }}
                  aria-label={t('analytics.import.preview.sheet')}
                  data-testid="import-sheet"
                />
              ) : (
                preview.sheet || '—'
              ),
          },
          {
            key: 'preset',
            label: t('analytics.import.preview.preset'),
            children: preview.preset ? (
              <Space size={4}>
                <Tag color="blue" data-testid="import-detected-preset">
                  {preview.preset.name}
                </Tag>
                <Typography.Text type="secondary">
                  {t(`analytics.import.grain.${preview.preset.grain}`)}
                </Typography.Text>
              </Space>
            ) : (
              <Tag color="orange" data-testid="import-no-preset">
                {t('analytics.import.preview.noPreset')}
              </Tag>
            ),
          },
          {
            key: 'headerRow',
            label: t('analytics.import.preview.headerRow'),
            children: t('analytics.import.preview.rowNumber', { row: preview.headerRow }),
          },
          {
            key: 'rows',
            label: t('analytics.import.preview.rows'),
            children: m.count(preview.rows),
          },
          {
            key: 'changes',
            label: t('analytics.import.preview.changes'),
            children: (
              <span data-testid="import-changes">
                {t('analytics.import.preview.createUpdate', {
                  create: preview.willCreate,
                  update: preview.willUpdate,
                })}
              </span>
            ),
          },
          {
            key: 'errors',
            label: t('analytics.import.preview.errors'),
            children:
              preview.errorCount > 0 ? (
                <Typography.Text type="danger">{preview.errorCount}</Typography.Text>
              ) : (
                0
              ),
          },
          {
            key: 'ignored',
            label: t('analytics.import.preview.ignored'),
            span: 2,
            children:
              preview.ignoredColumns.length > 0 ? (
                <Space size={[4, 4]} wrap data-testid="import-ignored">
                  {preview.ignoredColumns.map((c) => (
                    <Tag key={c}>{c}</Tag>
                  ))}
                </Space>
              ) : (
                t('analytics.import.preview.none')
              ),
          },
        ]}
      />
      {preview.candidates.length > 0 ? (
        <div data-testid="import-candidates">
          <Typography.Text strong>{t('analytics.import.preview.candidates')}</Typography.Text>
          <ul className="yc-plain-list">
            {preview.candidates.map((c) => (
              <li key={c.id}>
                <Tag>{c.name}</Tag>
                {t('analytics.import.preview.score', { score: m.share(c.score) })}
                {c.missing.length > 0 ? (
                  <Typography.Text type="secondary">
                    {' '}
                    {t('analytics.import.preview.missing', { columns: c.missing.join('、') })}
                  </Typography.Text>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {totals.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('analytics.import.preview.totals')}
          {totals.map(([k, v]) => `${m.label(k)} ${m.format(k, v)}`).join(' · ')}
        </Typography.Paragraph>
      ) : null}
      <div>
        <Typography.Title level={5}>{t('analytics.import.sample.title')}</Typography.Title>
        <Table<TPreviewRow>
          size="small"
          rowKey="row"
          columns={sampleColumns}
          dataSource={preview.sample}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('analytics.import.sample.empty') }}
          data-testid="import-sample"
        />
      </div>
      {preview.errors.length > 0 ? (
        <div>
          <Typography.Title level={5}>
            {t('analytics.import.errors.title', { count: preview.errorCount })}
          </Typography.Title>
          {preview.errorCount > preview.errors.length ? (
            <Typography.Paragraph type="secondary">
              {t('analytics.import.errors.first', { shown: preview.errors.length })}
            </Typography.Paragraph>
          ) : null}
          <ImportErrorsTable errors={preview.errors} testId="import-errors" />
        </div>
      ) : null}
    </Space>
  );
}
