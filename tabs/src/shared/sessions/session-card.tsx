import type { ReactNode } from 'react';
import { SkillTags } from '../ui/skill-tags';
import { Body1, Link, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../routes';
import type { BoardSession, RsvpAnswer } from './board-session';
import { safeWebUrl } from '../safe-url';
import { listFormat } from '../list-format';
import { splitDuration } from './format-session';
import { SessionTime } from './session-time';
import { RsvpButtons } from './rsvp-buttons';
import { useExternalLinkClick } from '../open-link';
import { usePersonName } from '../person-name';
import type { PersonName } from '../person-name';
import type { SessionPerson } from '../../../../bot/src/api/contract';
import { SessionBadges } from './session-badges';

const useStyles = makeStyles({
  // Fluent's Card look (medium size) on a plain <article>: the Card component brings every size,
  // appearance and selection style (≈ 9 KB gzip) to the board's first paint for a box that is never
  // focusable or selectable here (bench/board-load.mjs, issue #16).
  card: {
    height: '100%',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    boxShadow: tokens.shadow4,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  past: { backgroundColor: tokens.colorNeutralBackground2 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  description: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    display: '-webkit-box',
    WebkitLineClamp: '3',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  cancelled: { textDecorationLine: 'line-through' },
  titleLink: { color: 'inherit', fontWeight: 'inherit', fontSize: 'inherit' },
  rsvpError: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  // Read out by screen readers, not shown: the link's new-window behaviour.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

interface SessionCardRsvp {
  /** The answer on its way, and one clicked meanwhile (sent after it). */
  readonly pending: RsvpAnswer | undefined;
  readonly queued: RsvpAnswer | undefined;
  /** The last answer could not be saved (it was rolled back): why, in words. */
  readonly failure: string | undefined;
  readonly onAnswer: (answer: RsvpAnswer) => void;
}

interface SessionCardProps {
  readonly session: BoardSession;
  /** RSVP in place; absent for past and cancelled sessions. */
  readonly rsvp?: SessionCardRsvp | undefined;
  /** Locale for dates and numbers (e.g. `en-GB`). */
  readonly locale: string;
  /** The viewer's zone (default: the browser's); a seam for tests. */
  readonly timeZone?: string | undefined;
  /** The team's zone: times are shown on its clock, the viewer's beside when different. */
  readonly teamTimeZone?: string | undefined;
}

/** "Anna, Bram and Chloé", the first name capitalised as a sentence start. */
export function names(people: readonly SessionPerson[], locale: string, name: PersonName): string {
  return listFormat(locale, { style: 'long', type: 'conjunction' }).format(people.map((p, i) => name(p, { start: i === 0 })));
}

function Fact({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </>
  );
}

export function SessionCard({ session, rsvp, locale, timeZone, teamTimeZone }: SessionCardProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const name = usePersonName();
  const titleId = useId('session-title');
  const cancelled = session.status === 'cancelled';
  const onlineUrl = safeWebUrl(session.onlineUrl);
  const openJoin = useExternalLinkClick(onlineUrl);
  const { hours, minutes } = splitDuration(session.durationMinutes);
  const duration =
    hours === 0
      ? t('board.duration.minutes', { count: minutes })
      : minutes === 0
        ? t('board.duration.hours', { count: hours })
        : t('board.duration.hoursMinutes', { hours, minutes });
  const attendance =
    session.capacity === null
      ? t('board.session.going', { count: session.going })
      : t('board.session.goingOfCapacity', { going: session.going, capacity: session.capacity });

  return (
    <article data-testid="session-card" aria-labelledby={titleId} className={mergeClasses(styles.card, !session.upcoming && styles.past)}>
      <div className={styles.header}>
        <h3 id={titleId} className={mergeClasses(styles.title, cancelled && styles.cancelled)}>
          <Link className={styles.titleLink} href={hrefFor({ name: 'session', teamId: session.teamId, sessionId: session.sessionId })}>
            {session.title}
          </Link>
        </h3>
        <div className={styles.badges}>
          <SessionBadges session={session} />
        </div>
      </div>
      {session.description ? (
        <Body1 as="p" className={styles.description}>
          {session.description}
        </Body1>
      ) : null}
      <dl className={styles.facts}>
        <Fact term={t('board.session.when')}>
          <SessionTime
            startsAt={session.startsAt}
            durationMinutes={session.durationMinutes}
            locale={locale}
            teamTimeZone={teamTimeZone}
            viewerTimeZone={timeZone}
          />
        </Fact>
        <Fact term={t('board.session.duration')}>{duration}</Fact>
        <Fact term={t('board.session.hostedBy')}>{name(session.host, { start: true })}</Fact>
        {session.teachers.length > 0 ? <Fact term={t('board.session.teaching')}>{names(session.teachers, locale, name)}</Fact> : null}
        {session.discussionLeader ? (
          <Fact term={t('board.session.discussionLeader')}>{name(session.discussionLeader, { start: true })}</Fact>
        ) : null}
        <Fact term={t('board.session.where')}>
          {session.place ? <span>{session.place}</span> : null}
          {session.place && onlineUrl ? ' · ' : null}
          {onlineUrl ? (
            <Link href={onlineUrl} target="_blank" rel="noopener noreferrer" onClick={openJoin}>
              {t('board.session.joinOnline')}
              <span className={styles.visuallyHidden}> {t('board.session.opensInNewWindow')}</span>
            </Link>
          ) : null}
          {!session.place && !onlineUrl ? t('board.session.placeTbd') : null}
        </Fact>
        <Fact term={t('board.session.attendance')}>
          {attendance}
          {session.maybe > 0 ? ` · ${t('board.session.maybe', { count: session.maybe })}` : null}
        </Fact>
      </dl>
      <SkillTags skills={session.skills} />
      {rsvp ? (
        <RsvpButtons
          title={session.title}
          value={session.myRsvp}
          pending={rsvp.pending}
          queued={rsvp.queued}
          waitlisted={session.waitlisted}
          waitlistPosition={session.waitlistPosition}
          onAnswer={rsvp.onAnswer}
        />
      ) : null}
      {session.waitlisted ? <Body1 as="p">{t('rsvp.waitlisted')}</Body1> : null}
      {rsvp?.failure ? (
        <Body1 as="p" role="alert" className={styles.rsvpError}>
          {rsvp.failure}
        </Body1>
      ) : null}
    </article>
  );
}
