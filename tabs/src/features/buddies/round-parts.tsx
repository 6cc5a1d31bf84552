import {
  Body1,
  Card,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BuddyPairView, BuddyPersonView, BuddyRoundResponse, LatestBuddyRound } from '../../../../bot/src/api/contract';
import { usePersonName } from '../../shared/person-name';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { useBuddyWords } from './buddy-words';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS, height: '100%' },
  names: { margin: 0, overflowWrap: 'anywhere' },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  text: { margin: 0 },
  answers: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  people: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '20rem' },
});

/** The pairs of a round, each with why in the reader's language; the "did you meet?" answers when the viewer may see them. */
export function RoundPairs({
  pairs,
  heading,
  none,
}: {
  readonly pairs: LatestBuddyRound['pairs'];
  readonly heading: string;
  /** Said when there is no pair to show. */
  readonly none: string;
}) {
  const shared = useSectionStyles();
  const headingId = useId('round-pairs');
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {heading}
      </h2>
      {pairs.length === 0 ? (
        <Body1 as="p">{none}</Body1>
      ) : (
        <ul className={shared.tileGrid}>
          {pairs.map((pair) => (
            <li key={pair.members.map((m) => m.userId).join('+')}>
              <PairCard pair={pair} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PairCard({ pair }: { readonly pair: BuddyPairView }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useBuddyWords();
  const personName = usePersonName();
  const headingId = useId('pair');
  const answers = pair.answers;
  return (
    <Card className={styles.card} role="article" aria-labelledby={headingId} data-testid="round-pair">
      <Text as="h3" id={headingId} weight="semibold" size={300} className={styles.names}>
        {words.names(pair.members)}
      </Text>
      <ul className={styles.lines}>
        {words.reasonLines(pair.reason, pair.members, 'others').map((line, i) => (
          <li key={i}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ul>
      {pair.firstTopic ? (
        <Body1 as="p" className={styles.text}>
          {t('buddies.current.firstTopic', { skill: pair.firstTopic })}
        </Body1>
      ) : null}
      {answers ? (
        <>
          <Body1 as="p" className={styles.text}>
            <strong>{t('buddies.round.answers')}</strong>
          </Body1>
          <ul className={styles.answers} data-testid="pair-answers">
            {pair.members.map((member) => {
              const answer = answers[member.userId];
              return (
                <li key={member.userId}>
                  <Body1>
                    {t('buddies.round.answerOf', {
                      name: personName(member, { start: true, unknown: t('buddies.reason.someone') }),
                      answer: answer ? t(`buddies.current.answers.${answer}`) : t('buddies.round.noAnswer'),
                    })}
                  </Body1>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

/** Who was left over, or who skipped: names only. */
export function RoundPeople({
  heading,
  people,
  none,
}: {
  readonly heading: string;
  readonly people: readonly BuddyPersonView[];
  readonly none: string;
}) {
  const shared = useSectionStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const personName = usePersonName();
  const headingId = useId('round-people');
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {heading}
      </h2>
      {people.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {none}
        </Body1>
      ) : (
        <ul className={styles.people}>
          {people.map((person) => (
            <li key={person.userId}>
              <Body1>{personName(person, { start: true, unknown: t('buddies.reason.someone') })}</Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Participation over rounds: a small table, newest first, as the service sends it. */
export function RoundHistory({
  history,
  locale,
}: {
  readonly history: NonNullable<BuddyRoundResponse['history']>;
  readonly locale: string;
}) {
  const shared = useSectionStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId('round-history');
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const number = new Intl.NumberFormat(locale);
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {t('buddies.round.history')}
      </h2>
      <div className={styles.scroll}>
        <Table className={styles.table} size="small" aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('buddies.round.historyRound')}</TableHeaderCell>
              <TableHeaderCell>{t('buddies.round.historyPairs')}</TableHeaderCell>
              <TableHeaderCell>{t('buddies.round.historyPeople')}</TableHeaderCell>
              <TableHeaderCell>{t('buddies.round.historyMet')}</TableHeaderCell>
              <TableHeaderCell>{t('buddies.round.historySkipped')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  <time dateTime={row.startedAt}>{date.format(new Date(row.startedAt))}</time>
                </TableCell>
                <TableCell>{number.format(row.pairs)}</TableCell>
                <TableCell>{number.format(row.people)}</TableCell>
                <TableCell>{number.format(row.met)}</TableCell>
                <TableCell>{number.format(row.skipped)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
