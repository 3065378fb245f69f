export const REQUEST_ID_HEADER: "x-request-id";
export function newRequestId(): string;
export function requestIdFor(header: string | string[] | undefined, fromTrustedProxy: boolean): string;
export function runWithRequestId<T>(requestId: string, handle: () => T): T;
export function currentRequestId(): string | undefined;
