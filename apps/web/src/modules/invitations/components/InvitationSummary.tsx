import { Descriptions } from 'antd';
import type { TInvitationPreview } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { DateTime } from '../../../ui/DateTime';
import { RoleTag } from '../../../ui/RoleTag';

/** Workspace, role, inviter and expiry of an invitation link. */
export function InvitationSummary({ preview }: { preview: TInvitationPreview }) {
  const t = useT();
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      data-testid="invite-preview"
      items={[
        {
          key: 'ws',
          label: t('invite.workspace'),
          children: <strong>{preview.workspaceName}</strong>,
        },
        { key: 'role', label: t('invite.role'), children: <RoleTag role={preview.role} /> },
        ...(preview.invitedBy
          ? [{ key: 'by', label: t('invite.invitedBy'), children: preview.invitedBy }]
          : []),
        ...(preview.email
          ? [{ key: 'email', label: t('invite.forEmail'), children: preview.email }]
          : []),
        {
          key: 'exp',
          label: t('invite.expiresAt'),
          children: <DateTime value={preview.expiresAt} />,
        },
      ]}
    />
  );
}
