import { Result } from 'antd';
import { useT } from '../app/i18n/context';

/** Shown when the role may not see a page; the server refuses the data anyway. */
export function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenBody')}
      data-testid="forbidden"
    />
  );
}
