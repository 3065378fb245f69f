/** The form-level message: announced politely, always present so it can be. */
export function FormAlert({ message, id }: { message?: string; id?: string }) {
  return (
    <p id={id} role="alert" aria-live="polite" className="text-sm text-danger empty:hidden">
      {message}
    </p>
  );
}
