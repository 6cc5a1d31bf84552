import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BoardSession } from './board-session';

/** The session's format, and "Cancelled" or "Full" when that is so: the same marks on the board and the detail. */
export function SessionBadges({
  session,
}: {
  readonly session: Pick<BoardSession, 'format' | 'status' | 'capacity' | 'going' | 'upcoming'>;
}) {
  const { t } = useTranslation();
  const cancelled = session.status === 'cancelled';
  const full = session.capacity !== null && session.going >= session.capacity;
  return (
    <>
      <Badge appearance="tint" color="brand">
        {t(`board.session.formats.${session.format}`)}
      </Badge>
      {cancelled ? (
        <Badge appearance="filled" color="danger">
          {t('board.session.cancelled')}
        </Badge>
      ) : null}
      {full && !cancelled && session.upcoming ? (
        <Badge appearance="filled" color="warning">
          {t('board.session.full')}
        </Badge>
      ) : null}
    </>
  );
}
