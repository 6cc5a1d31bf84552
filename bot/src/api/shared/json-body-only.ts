import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from './http-error';

/**
 * Every body the API and the bot take is JSON. A form-encoded or text/plain body would otherwise
 * pass unparsed and meet the route as `{}` ("Give the session a title"): say what is wrong instead.
 * A request without a body (a POST that only acts) passes.
 */
export function jsonBodyOnly(): RequestHandler {
  return (req, _res, next) => {
    // `is` answers null when there is no body, false when the body is of another type; an empty
    // body (Content-Length: 0, as fetch sends for a bare POST) carries nothing to misread.
    if (req.headers['content-length'] !== '0' && req.is('application/json') === false)
      next(new HttpError(415, 'unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).'));
    else next();
  };
}

/**
 * The router decodes path parameters; a broken percent-encoding (`%E0%A4%A`) makes it throw a
 * URIError with status 400, which is the caller's mistake, not ours.
 */
export const badPathParameter: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  if (error instanceof URIError) next(new HttpError(400, 'bad_path', 'The address contains a malformed percent-encoding.'));
  else next(error);
};
