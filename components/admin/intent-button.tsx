"use client";

import { useFormStatus } from "react-dom";

type IntentButtonProps = { name: string; value: string; children: React.ReactNode; primary?: boolean };

/** A submit button that says what to do (draft, publish…); all disable while saving. */
export function IntentButton({ name, value, children, primary }: IntentButtonProps) {
  const { pending } = useFormStatus();
  const look = primary ? "bg-accent text-page" : "border-line border";
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`${look} rounded px-4 py-2 text-sm font-semibold disabled:opacity-60`}
    >
      {children}
    </button>
  );
}
