import { useEffect, useRef, useState } from 'react';
import { App, Alert, Button, Card, Form, Select, Space, Typography } from 'antd';
import { CheckOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { TImport, TImportPreview } from '@yunce/contracts';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useAccounts } from '../../modules/accounts/api';
import {
  useCreatePreset,
  usePresets,
  usePreviewImport,
  useStartImport,
  type TImportRequest,
} from '../../modules/analytics/api';
import { FilePicker } from '../../modules/analytics/components/import/FilePicker';
import { ImportHistory } from '../../modules/analytics/components/import/ImportHistory';
import { ImportOutcome } from '../../modules/analytics/components/import/ImportResult';
import {
  MappingEditor,
  type MappingResult,
} from '../../modules/analytics/components/import/MappingEditor';
import { PresetList } from '../../modules/analytics/components/import/PresetList';
import { PreviewPanel } from '../../modules/analytics/components/import/PreviewPanel';
import { useMetricText } from '../../modules/analytics/hooks';
import { initialMappingRows, toMappingBody } from '../../modules/analytics/utils/mapping';
import { Forbidden } from '../../ui/Forbidden';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import type { FieldPath } from '../../ui/form-errors';
import { PageHeader } from '../../ui/PageHeader';
import { useErrorMessage } from '../../ui/use-error-message';
import { useFormErrors } from '../../ui/use-form-errors';

const FIELDS: readonly FieldPath[] = [
  ['accountId'],
  ['file'],
  ['presetId'],
  ['sheet'],
  ['mapping'],
];
const AUTO = '';

interface Values {
  accountId?: string;
  file?: File | null;
  presetId: string;
}

/** 数据导入: a platform export file → preview (or column mapping) → import, with history. */
export default function ImportPage() {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const canImport = ws.can('analytics.import');
  const [form] = Form.useForm<Values>();
  const accounts = useAccounts(ws.workspaceId, { status: 'active' }, canImport);
  const presets = usePresets(ws.workspaceId, canImport);
  const previewer = usePreviewImport(ws.workspaceId);
  const starter = useStartImport(ws.workspaceId);
  const createPreset = useCreatePreset(ws.workspaceId);
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [request, setRequest] = useState<TImportRequest | null>(null);
  const [mappingOpen, setMappingOpen] = useState(false);
  const [started, setStarted] = useState<TImport | null>(null);
  const previewCard = useRef<HTMLDivElement>(null);
  const resultCard = useRef<HTMLDivElement>(null);
  // A new preview or result appears below the form: bring it into view.
  useEffect(() => {
    if (preview) previewCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [preview]);
  useEffect(() => {
    if (started) resultCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [started]);

  if (!canImport) return <Forbidden />;

  const reset = () => {
    setPreview(null);
    setRequest(null);
    setMappingOpen(false);
    setStarted(null);
    clearError();
  };

  const previewWith = (next: TImportRequest) => {
    clearError();
    previewer.mutate(next, {
      onSuccess: (p) => {
        setPreview(p);
        setRequest(next);
        setStarted(null);
        setMappingOpen(p.preset === null && !next.mapping);
      },
      onError: handleError,
    });
  };

  const submit = (v: Values) => {
    if (!v.accountId || !v.file) return;
    previewWith({
      file: v.file,
      accountId: v.accountId,
      ...(v.presetId !== AUTO ? { presetId: v.presetId } : {}),
    });
  };

  const applyMapping = (result: MappingResult) => {
    if (!request) return;
    const mapping = toMappingBody(result.rows, result.grain);
    const { presetId: _drop, ...rest } = request;
    if (!result.presetName) {
      previewWith({ ...rest, mapping });
      return;
    }
    const platform = accounts.data?.find((a) => a.id === request.accountId)?.platform ?? null;
    createPreset.mutate(
      { name: result.presetName, platform, mapping },
      {
        onSuccess: (created) => {
          void message.success(t('analytics.presets.saved', { name: created.name }));
          form.setFieldValue('presetId', created.id);
          const { mapping: _m, ...withoutMapping } = rest;
          previewWith({ ...withoutMapping, presetId: created.id });
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  };

  const startImport = () => {
    if (!request) return;
    clearError();
    starter.mutate(request, {
      onSuccess: (created) => setStarted(created),
      onError: handleError,
    });
  };

  const startOver = () => {
    form.resetFields(['file']);
    reset();
  };

  const presetList = presets.data ?? [];
  const presetOptions = [
    { value: AUTO, label: t('analytics.import.presetAuto') },
    {
      label: t('analytics.import.presetBuiltin'),
      options: presetList.filter((p) => p.builtin).map((p) => ({ value: p.id, label: p.name })),
    },
    {
      label: t('analytics.import.presetWorkspace'),
      options: presetList.filter((p) => !p.builtin).map((p) => ({ value: p.id, label: p.name })),
    },
  ].filter((o) => !('options' in o) || (o.options?.length ?? 0) > 0);

  const canConfirm =
    preview !== null &&
    !mappingOpen &&
    (preview.preset !== null || request?.mapping !== undefined) &&
    preview.rows > 0 &&
    started === null;
  const mappingPreset = presetList.find((p) => p.id === (preview?.preset?.id ?? request?.presetId));

  return (
    <>
      <PageHeader
        title={t('nav.analyticsImport')}
        subtitle={t('analytics.import.subtitle')}
        documentTitle={t('nav.analyticsImport')}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('analytics.import.step1')}>
          <FormErrorAlert error={formError} />
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ presetId: AUTO }}
            onFinish={submit}
            onValuesChange={reset}
            style={{ maxWidth: 720 }}
            data-testid="import-form"
          >
            <Form.Item
              name="accountId"
              label={t('analytics.import.account')}
              rules={[{ required: true, message: t('analytics.import.accountRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={accounts.isPending}
                placeholder={t('analytics.import.accountPlaceholder')}
                options={(accounts.data ?? []).map((a) => ({
                  value: a.id,
                  label: `${a.name}（${m.platform(a.platform)}）`,
                }))}
                notFoundContent={t('analytics.import.noAccounts')}
                data-testid="import-account"
              />
            </Form.Item>
            <Form.Item
              name="file"
              label={t('analytics.import.file')}
              rules={[{ required: true, message: t('analytics.import.fileRequired') }]}
              extra={t('analytics.import.fileExtra')}
            >
              <FilePicker />
            </Form.Item>
            <Form.Item
              name="presetId"
              label={t('analytics.import.preset')}
              extra={t('analytics.import.presetExtra')}
            >
              <Select
                options={presetOptions}
                loading={presets.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="import-preset"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<EyeOutlined />}
              loading={previewer.isPending && preview === null}
              data-testid="import-preview-button"
            >
              {t('analytics.import.previewButton')}
            </Button>
          </Form>
        </Card>

        {preview && request ? (
          <Card
            ref={previewCard}
            title={t('analytics.import.step2')}
            extra={
              !mappingOpen && preview.headers.length > 0 && !started ? (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setMappingOpen(true)}
                  data-testid="import-edit-mapping"
                >
                  {t('analytics.import.editMapping')}
                </Button>
              ) : null
            }
          >
            {mappingOpen ? (
              <>
                {preview.preset === null ? (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('analytics.import.noPresetTitle')}
                    description={t('analytics.import.noPresetBody')}
                  />
                ) : null}
                <MappingEditor
                  key={`${preview.fileName}:${preview.sheet}:${preview.headers.join('|')}`}
                  initialRows={initialMappingRows(preview.headers, mappingPreset)}
                  initialGrain={preview.preset?.grain ?? request.mapping?.grain ?? 'content'}
                  rawSample={preview.rawSample}
                  busy={previewer.isPending || createPreset.isPending}
                  onApply={applyMapping}
                  onCancel={
                    preview.preset !== null || request.mapping
                      ? () => setMappingOpen(false)
                      : undefined
                  }
                />
              </>
            ) : (
              <PreviewPanel
                preview={preview}
                onSheet={(sheet) => previewWith({ ...request, sheet })}
                sheetLoading={previewer.isPending}
              />
            )}
            {!mappingOpen && !started ? (
              <Space style={{ marginTop: 16 }} wrap>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  disabled={!canConfirm}
                  loading={starter.isPending}
                  onClick={startImport}
                  data-testid="import-confirm"
                >
                  {t('analytics.import.confirm', { rows: preview.rows })}
                </Button>
                {preview.rows === 0 ? (
                  <Typography.Text type="danger">{t('analytics.import.noRows')}</Typography.Text>
                ) : preview.errorCount > 0 ? (
                  <Typography.Text type="warning">
                    {t('analytics.import.confirmWithErrors', { count: preview.errorCount })}
                  </Typography.Text>
                ) : null}
              </Space>
            ) : null}
          </Card>
        ) : null}

        {started ? (
          <Card ref={resultCard} title={t('analytics.import.step3')}>
            <ImportOutcome
              key={started.id}
              initial={started}
              actions={
                <Space wrap>
                  <Button
                    type="primary"
                    onClick={() => void navigate(ws.path('analytics/dashboard'))}
                    data-testid="import-goto-dashboard"
                  >
                    {t('analytics.import.gotoDashboard')}
                  </Button>
                  <Button onClick={startOver} data-testid="import-another">
                    {t('analytics.import.another')}
                  </Button>
                </Space>
              }
            />
          </Card>
        ) : null}

        <Card title={t('analytics.import.history.title')}>
          <ImportHistory />
        </Card>
        <Card title={t('analytics.presets.title')} size="small">
          <PresetList presets={presetList} />
        </Card>
      </Space>
    </>
  );
}
