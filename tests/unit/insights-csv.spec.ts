import { describe, expect, it } from '@jest/globals';
import { csvCell, safeFilename, toCsv } from '../../bot/src/api/insights/csv';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { csvRows } from '../../bot/src/domain/insights/insights-csv-tables';
import type { InsightsReport } from '../../bot/src/domain/insights/insights-report';

describe('the insights CSV writer', () => {
  it('neutralises every formula start with a leading quote', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('plain 1-2')).toBe('plain 1-2');
  });

  it('quotes quotes, commas and line breaks (RFC 4180); rows end in CRLF after a BOM', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(
      toCsv([
        ['a', 'b'],
        ['=x', 'c,d'],
      ]),
    ).toBe('\uFEFFa,b\r\n\'=x,"c,d"\r\n');
  });

  it('file names are safe ASCII', () => {
    expect(safeFilename('peerlearn-quiet-2026-01-01-2026-12-31.csv')).toBe('peerlearn-quiet-2026-01-01-2026-12-31.csv');
    expect(safeFilename('../é"x;.csv')).toBe('x-.csv');
  });

  it('header words follow the locale: a Dutch header', () => {
    const report = {
      from: '2026-01-01',
      to: '2026-01-31',
      participation: {
        points: [
          {
            period: '2026-01',
            startsAt: '2025-12-31T23:00:00.000Z',
            sessionsHeld: 2,
            attendances: 5,
            distinctLearners: 4,
            distinctTeachers: 2,
          },
        ],
      },
      skills: { skills: ['=cmd'], people: [{ userId: 'u', displayName: '+Ann' }], cells: [[{ teachLevel: 2, wants: false }]], gaps: [] },
    } as unknown as InsightsReport;
    const nl = csvRows(report, 'participation', 'nl', csvWords);
    expect(nl.rows[0]).toEqual([
      'Periode',
      'Begin van de periode',
      'Sessies gehouden',
      'Aanwezigen',
      'Mensen die leerden',
      'Mensen die lesgaven',
    ]);
    expect(nl.rows[1]).toEqual(['2026-01', '2025-12-31T23:00:00.000Z', '2', '5', '4', '2']);
    expect(nl.filename).toBe('peerlearn-participation-2026-01-01-2026-01-31.csv');
    const skills = csvRows(report, 'skills', 'en', csvWords);
    expect(toCsv(skills.rows).split('\r\n')[1]).toBe("'+Ann,'=cmd,2,no,no");
  });
});
