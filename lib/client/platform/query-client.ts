import { QueryClient } from "@tanstack/react-query";

const MAX_RETRIES = 2;

/** The HTTP status an error carries, if it carries one (our fetch helpers attach it). */
function httpStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error) {
    return typeof error.status === "number" ? error.status : undefined;
  }
  return undefined;
}

/**
 * Retry what may heal by itself (network failures, 5xx) a couple of times; never
 * a 4xx: bad input, a rejected token or a missing workflow stay that way, and a
 * retry would only delay the message the designer needs to see.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== undefined && status >= 400 && status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Generations change through polling, not by looking at the tab again;
        // refetching a long history on every focus would be wasted work.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: shouldRetry,
      },
      mutations: {
        // A submit spends Buzz: it is never resent behind the designer's back.
        retry: false,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/**
 * The tab's one client, shared by every island that uses queries and by the
 * first-load code that reaches it through lazy-query.ts. On the server each call
 * makes a new one: a module-level client would be shared between requests.
 */
export function sharedQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}

export { QueryObserver } from "@tanstack/react-query";
