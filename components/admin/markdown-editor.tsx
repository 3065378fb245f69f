"use client";

import { useEffect, useRef, useState } from "react";
import { ImageInserter } from "@/components/admin/image-inserter";
import { TextareaField } from "@/components/ui/field";
import { markdownToReact } from "@/lib/markdown/pipeline";

type MarkdownEditorProps = {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  error?: string;
  rows?: number;
};

const PREVIEW_DELAY_MS = 250;

/**
 * A Markdown textarea with a live preview rendered by the same sanitizing pipeline the
 * published page uses. The preview follows typing after a short pause, so long texts
 * are not re-parsed on every keystroke.
 */
export function MarkdownEditor({ id, name, label, defaultValue, error, rows = 18 }: MarkdownEditorProps) {
  const [text, setText] = useState(defaultValue);
  const [previewText, setPreviewText] = useState(defaultValue);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  /** Puts the Markdown at the cursor, on a paragraph of its own. */
  function insertAtCursor(markdown: string) {
    const textarea = textareaRef.current;
    const at = textarea ? textarea.selectionStart : text.length;
    const before = text.slice(0, at).replace(/\n*$/, "");
    const after = text.slice(at).replace(/^\n*/, "");
    setText(`${before}${before ? "\n\n" : ""}${markdown}\n\n${after}`);
    textarea?.focus();
  }

  useEffect(() => {
    const timer = setTimeout(() => setPreviewText(text), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="space-y-3">
        <TextareaField
          ref={textareaRef}
          id={id}
          name={name}
          label={label}
          rows={rows}
          required
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={error}
          hint="Markdown: ## heading, - list, > quote, [link](https://…), ![description](/uploads/…), ``` code ```."
        />
        <ImageInserter onInsert={insertAtCursor} />
      </div>
      <section aria-labelledby={`${id}-preview-heading`} className="min-w-0">
        <h2 id={`${id}-preview-heading`} className="text-sm font-semibold">
          Preview
        </h2>
        <div className="prose-body mt-1 max-h-[32rem] overflow-y-auto rounded border border-line p-3 text-base">
          {previewText.trim() ? (
            markdownToReact(previewText)
          ) : (
            <p className="text-muted">Nothing to preview yet.</p>
          )}
        </div>
      </section>
    </div>
  );
}
