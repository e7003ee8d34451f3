import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../app/i18n/context';
import { useDocumentTitle } from '../ui/use-document-title';

export default function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.body')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
