import { Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useI18n, useT } from '../../../../app/i18n/context';

export const IMPORT_ACCEPT = '.csv,.xlsx,.xls,.txt';

/** Drop or choose one CSV/XLSX file (a form control: `value` / `onChange`). */
export function FilePicker({
  value,
  onChange,
  id,
}: {
  value?: File | null;
  onChange?: (file: File | null) => void;
  id?: string;
}) {
  const t = useT();
  const { formatNumber } = useI18n();
  if (value)
    return (
      <Space data-testid="import-file-chosen" wrap>
        <FileExcelOutlined />
        <Typography.Text strong>{value.name}</Typography.Text>
        <Typography.Text type="secondary">
          {t('analytics.import.fileSize', { size: formatNumber(value.size / 1024, 1) })}
        </Typography.Text>
        <Button
          size="small"
          icon={<DeleteOutlined />}
          onClick={() => onChange?.(null)}
          data-testid="import-file-clear"
        >
          {t('analytics.import.fileChange')}
        </Button>
      </Space>
    );
  return (
    <Upload.Dragger
      id={id}
      accept={IMPORT_ACCEPT}
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        onChange?.(file);
        // Kept in the form; sent with the preview, not uploaded on its own.
        return false;
      }}
      data-testid="import-file"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('analytics.import.fileDrop')}</p>
      <p className="ant-upload-hint">{t('analytics.import.fileHint')}</p>
    </Upload.Dragger>
  );
}
