import { Card } from 'antd';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { AuditLog } from '../../modules/audit/components/AuditLog';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';

export default function AuditPage() {
  const t = useT();
  const ws = useWorkspace();
  if (!ws.can('audit.read')) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('nav.settingsAudit')} subtitle={t('settings.audit.subtitle')} />
      <Card>
        <AuditLog />
      </Card>
    </>
  );
}
