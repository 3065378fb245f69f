"use client";

import { useFormStatus } from "react-dom";

type SubmitButtonProps = {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "danger";
  className?: string;
};

const VARIANTS = { primary: "bg-accent", danger: "bg-danger" } as const;

/** Disables itself while its form is submitting, so a double click sends once. */
export function SubmitButton({ children, pendingText, variant = "primary", className }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`${VARIANTS[variant]} rounded px-4 py-2 text-sm font-semibold text-page disabled:opacity-60 ${className ?? ""}`}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
