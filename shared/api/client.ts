import type { ErrorData, Result } from '../errors.js';
import type { CoreEvent, MethodInput, MethodName, MethodOutput } from './contract.js';

/**
 * How a renderer reaches the core: IPC through the preload in Electron, HTTP + WebSocket in the
 * browser mode. Both carry the same `(method, input, token)` triple to the same dispatcher.
 */
export interface Transport {
  invoke(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  subscribe(listener: (event: CoreEvent) => void, token: () => string | null): () => void;
}

export class ApiError extends Error {
  constructor(readonly data: ErrorData) {
    super(data.message);
    this.name = 'ApiError';
  }
  get code() {
    return this.data.code;
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Like `call` but throws `ApiError`, for code that handles failure in one place. */
  get<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  setToken(token: string | null): void;
  token(): string | null;
}

/**
 * @example
 * const api = createApiClient(httpTransport(location.origin));
 * const users = await api.get('auth.users', {});
 */
export function createApiClient(transport: Transport): ApiClient {
  let token: string | null = null;
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>) =>
    (await transport.invoke(method, input, token)) as Result<MethodOutput<M>>;
  return {
    call,
    async get(method, input) {
      const r = await call(method, input);
      if (!r.ok) throw new ApiError(r.error);
      return r.value;
    },
    onEvent: (listener) => transport.subscribe(listener, () => token),
    setToken(t) {
      token = t;
    },
    token: () => token,
  };
}
