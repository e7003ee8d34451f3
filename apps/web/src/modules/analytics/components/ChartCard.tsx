import { useRef, useState, type ReactNode } from 'react';
import { Button, Card, Space, Tooltip } from 'antd';
import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import type { TAnalyticsQuery } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { exportPath } from '../api';
import type { ChartOption } from '../charts/types';
import { useApiDownload } from '../hooks';
import { saveUrl } from '../utils/download';
import { EChart, type EChartHandle } from './EChart';

export type TExportTile = 'overview' | 'trend' | 'content' | 'breakdown' | 'heatmap' | 'funnel';

interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A dashboard card: a title, its own controls, the chart (or loading / error / empty), what
 * goes under it, and the two exports — the chart as PNG and the tile's numbers as Excel.
 */
export function ChartCard({
  title,
  testId,
  controls,
  state,
  isEmpty,
  emptyText,
  option,
  height,
  chartLabel,
  tile,
  query,
  exportQuery,
  fileName,
  children,
}: {
  title: ReactNode;
  testId: string;
  controls?: ReactNode;
  state: QueryState;
  isEmpty: boolean;
  emptyText?: ReactNode;
  option: ChartOption | null;
  height?: number;
  chartLabel: string;
  tile: TExportTile;
  query: TAnalyticsQuery;
  exportQuery?: Record<string, string | number | undefined>;
  /** The download name without extension. */
  fileName: string;
  children?: ReactNode;
}) {
  const t = useT();
  const ws = useWorkspace();
  const chart = useRef<EChartHandle>(null);
  const download = useApiDownload();
  const [exporting, setExporting] = useState(false);
  const ready = !state.isPending && !state.isError && !isEmpty;

  const exportPng = () => {
    const url = chart.current?.toPng();
    if (url) saveUrl(url, `${fileName}.png`);
  };
  const exportExcel = () => {
    setExporting(true);
    void download(
      exportPath(ws.workspaceId),
      { tile, ...query, ...exportQuery },
      `${fileName}.xlsx`,
    ).finally(() => setExporting(false));
  };

  const exports = (
    <Space size={4}>
      {option ? (
        <Tooltip title={t('analytics.export.png')}>
          <Button
            size="small"
            icon={<PictureOutlined />}
            onClick={exportPng}
            disabled={!ready}
            aria-label={t('analytics.export.png')}
            data-testid={`${testId}-png`}
          >
            PNG
          </Button>
        </Tooltip>
      ) : null}
      <Tooltip title={t('analytics.export.excel')}>
        <Button
          size="small"
          icon={<FileExcelOutlined />}
          onClick={exportExcel}
          loading={exporting}
          disabled={!ready}
          aria-label={t('analytics.export.excel')}
          data-testid={`${testId}-xlsx`}
        >
          Excel
        </Button>
      </Tooltip>
    </Space>
  );

  let body: ReactNode;
  if (state.isPending) body = <LoadingState />;
  else if (state.isError)
    body = <ErrorState error={state.error} onRetry={() => void state.refetch()} />;
  else if (isEmpty)
    body = (
      <EmptyState description={emptyText ?? t('analytics.tile.empty')} testId={`${testId}-empty`} />
    );
  else
    body = (
      <>
        {option ? <EChart ref={chart} option={option} height={height} label={chartLabel} /> : null}
        {children}
      </>
    );

  return (
    <Card
      title={title}
      data-testid={testId}
      extra={
        <Space wrap size={8}>
          {controls}
          {exports}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8 } }}
    >
      {body}
    </Card>
  );
}
