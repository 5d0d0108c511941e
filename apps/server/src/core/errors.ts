/** An error with an HTTP status that reaches the client as `{ statusCode, error, message }`. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

export const badRequest = (m: string): HttpError => new HttpError(400, m);
export const notFound = (m: string): HttpError => new HttpError(404, m);
export const payloadTooLarge = (m: string): HttpError => new HttpError(413, m);
export const unsupportedMediaType = (m: string): HttpError => new HttpError(415, m);
export const conflict = (m: string): HttpError => new HttpError(409, m);
