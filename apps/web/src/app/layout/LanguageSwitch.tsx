import { useContext } from 'react';
import { Segmented } from 'antd';
import type { TLocale } from '@yunce/contracts';
import { useI18n } from '../i18n/context';
import { LOCALES } from '../i18n/messages';
import { SessionContext } from '../session';
import { updateMe } from '../../modules/me/api';

/**
 * 中文 / English. The choice is kept on this device, sent with every API request, and saved to the
 * signed-in person's profile so e-mails and reports follow it.
 */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const session = useContext(SessionContext);

  const change = (next: TLocale) => {
    setLocale(next);
    // The device keeps the choice either way; a failed profile update is not worth an error.
    if (session) updateMe({ locale: next }).catch(() => undefined);
  };

  return (
    <Segmented<TLocale>
      size="small"
      value={locale}
      onChange={change}
      aria-label={t('language.switch')}
      data-testid="language-switch"
      options={LOCALES.map((l) => ({
        value: l,
        label: <span data-testid={`language-${l}`}>{t(`language.short.${l}`)}</span>,
      }))}
    />
  );
}
