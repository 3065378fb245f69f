"use client";

import { useEffect, type RefObject } from "react";

/** After a refused save, move focus to the first marked field (or the form message). */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, state: { status: string }) {
  useEffect(() => {
    if (state.status !== "error") return;
    const target = formRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [role="alert"]:not(:empty)',
    );
    target?.focus();
  }, [formRef, state]);
}
