/** Thrown by repositories when storage cannot be reached; the HTTP layer maps it to 503. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** Thrown when an operation needs a row that does not exist (e.g. an RSVP to an unknown session). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** Thrown when a paging cursor was not made by the repository (edited, truncated, from another list). */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** Thrown when an ETag-guarded update kept losing the race after every retry. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
}
