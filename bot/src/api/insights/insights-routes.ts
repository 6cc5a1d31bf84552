import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import { INSIGHTS_CSV_CONTENT_TYPE } from '../contract';
import type { InsightsResponse } from '../contract';
import { unwrap } from '../shared/failure-problem';
import { teamIdParam } from '../teams/team-routes';
import type { InsightsQuery } from '../../domain/insights/insights-service-contract';
import { safeFilename, toCsv } from './csv';

/** Only what the service checks; anything else in the query string is ignored. */
const queryOf = (query: Record<string, unknown>): InsightsQuery => ({ from: query.from, to: query.to, granularity: query.granularity });

/** Insights (DESIGN F10, issue #14): the figures as JSON, and each table of them as a CSV download. */
export function insightsRoutes(deps: ApiDependencies): Router {
  const router = Router();

  router.get(
    '/teams/:teamId/insights',
    authed(deps.validate, async (req, res, caller) => {
      const report = await deps.services.insights.report(caller, teamIdParam(req.params.teamId), queryOf(req.query));
      if (!unwrap(res, report)) return;
      const body: InsightsResponse = report.value;
      res.json(body);
    }),
  );

  router.get(
    '/teams/:teamId/insights.csv',
    authed(deps.validate, async (req, res, caller) => {
      const locale = req.query.locale === 'nl' ? 'nl' : 'en';
      const table: unknown = req.query.table;
      const csv = await deps.services.insights.csv(caller, teamIdParam(req.params.teamId), table, queryOf(req.query), locale);
      if (!unwrap(res, csv)) return;
      res.setHeader('Content-Type', INSIGHTS_CSV_CONTENT_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename="${safeFilename(csv.value.filename)}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(toCsv(csv.value.rows));
    }),
  );

  return router;
}
