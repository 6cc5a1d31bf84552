import type { Locale } from '../shared/person';
import type { FeedbackPoint } from './insights';
import type { CsvTable, InsightsReport } from './insights-report';
import type { CsvExport } from './insights-service-contract';

/** The header words and the few values a CSV spells out, in the reader's language (the cards' `insights:csv_*` texts). */
export const CSV_WORDS = [
  'period',
  'periodStart',
  'sessionsHeld',
  'attendances',
  'distinctLearners',
  'distinctTeachers',
  'group',
  'key',
  'answers',
  'averageRating',
  'learnedRate',
  'month',
  'skill',
  'overall',
  'person',
  'teachLevel',
  'wantsToLearn',
  'gap',
  'lastTookPartAt',
  'nudgedAt',
  'yes',
  'no',
] as const;
export type CsvWord = (typeof CSV_WORDS)[number];
export type CsvWords = (locale: Locale, word: CsvWord) => string;

const num = (n: number | undefined): string => (n === undefined ? '' : String(n));

function feedbackRow(group: string, point: FeedbackPoint): string[] {
  return [group, point.key, num(point.answers), num(point.averageRating), num(point.learnedRate)];
}

/** One table of the report as rows (header first); the CSV writer quotes and neutralises every cell. */
export function csvRows(report: InsightsReport, table: CsvTable, locale: Locale, words: CsvWords): CsvExport {
  const w = (word: CsvWord): string => words(locale, word);
  const yesNo = (value: boolean): string => w(value ? 'yes' : 'no');
  const filename = `peerlearn-${table}-${report.from}-${report.to}.csv`;
  switch (table) {
    case 'participation':
      return {
        filename,
        rows: [
          [w('period'), w('periodStart'), w('sessionsHeld'), w('attendances'), w('distinctLearners'), w('distinctTeachers')],
          ...report.participation.points.map((p) => [
            p.period,
            p.startsAt,
            num(p.sessionsHeld),
            num(p.attendances),
            num(p.distinctLearners),
            num(p.distinctTeachers),
          ]),
        ],
      };
    case 'feedback':
      return {
        filename,
        rows: [
          [w('group'), w('key'), w('answers'), w('averageRating'), w('learnedRate')],
          ...report.feedback.byMonth.map((p) => feedbackRow(w('month'), p)),
          ...report.feedback.bySkill.map((p) => feedbackRow(w('skill'), p)),
          feedbackRow(w('overall'), { ...report.feedback.overall, key: '' }),
        ],
      };
    case 'skills': {
      const { skills, people, cells, gaps } = report.skills;
      const gapSkills = new Set(gaps.map((g) => g.skill));
      const rows = people.flatMap((person, p) =>
        skills.flatMap((skill, s) => {
          const cell = cells[p]?.[s];
          if (!cell || (cell.teachLevel === 0 && !cell.wants)) return [];
          return [[person.displayName, skill, num(cell.teachLevel), yesNo(cell.wants), yesNo(gapSkills.has(skill))]];
        }),
      );
      return { filename, rows: [[w('person'), w('skill'), w('teachLevel'), w('wantsToLearn'), w('gap')], ...rows] };
    }
    case 'quiet':
      return {
        filename,
        rows: [
          [w('person'), w('lastTookPartAt'), w('nudgedAt')],
          ...(report.quiet?.members ?? []).map((m) => [m.displayName, m.lastTookPartAt ?? '', m.nudgedAt ?? '']),
        ],
      };
  }
}
