"use client";

import { useId, useState, useTransition } from "react";
import { uploadImageAction } from "@/lib/uploads/actions";

type ImageInserterProps = { onInsert: (markdown: string) => void };

/**
 * "Insert an image": uploads through a guarded server action and hands back the
 * Markdown for it. Needs JavaScript; without it, authors can still type image Markdown.
 */
export function ImageInserter({ onInsert }: ImageInserterProps) {
  const id = useId();
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();

  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-semibold">
        Insert an image into the text
      </label>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/gif,image/webp"
        disabled={pending}
        aria-describedby={`${id}-status`}
        className="mt-1 block w-full"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          const data = new FormData();
          data.set("image", file);
          setMessage("Uploading…");
          startTransition(async () => {
            const result = await uploadImageAction(data);
            input.value = "";
            if (!result.url) return setMessage(result.formError ?? "");
            onInsert(`![Describe the image](${result.url})`);
            setMessage("Image added to the text. Replace “Describe the image” with a description.");
          });
        }}
      />
      <p id={`${id}-status`} aria-live="polite" className="mt-1 text-muted">
        {message}
      </p>
    </div>
  );
}
