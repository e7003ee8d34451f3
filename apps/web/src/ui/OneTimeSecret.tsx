import { useState } from 'react';
import { Alert, Button, Input, Space } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useT } from '../app/i18n/context';

/** A link or token the server returns only once: shown with a copy button and a warning. */
export function OneTimeSecret({
  value,
  warning,
  testId,
}: {
  value: string;
  warning: string;
  testId: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="warning" showIcon title={warning} />
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        <Button
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={() => void copy()}
          data-testid={`${testId}-copy`}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
