/** The slice of a pino logger the shell uses; tests pass a recorder, index.ts passes pino. */
export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything, for policies constructed without one. */
export const silentLog: Log = Object.freeze({ info() {}, warn() {}, error() {} });
