"use client";
// "Style reference URL": type or paste a link, Add (or Enter) checks it and adds a
// row. Enter must not submit the builder form around it: that would spend Buzz.
import { Button } from "@/components/ui/button";
import { Link2, Loader2 } from "lucide-react";
import { useState } from "react";
import { FieldError, inputClass } from "@/components/ui/field";

export function UrlField({
  onAdd,
  onIntent,
}: {
  onAdd: (text: string) => Promise<{ fieldError: string | null; added: boolean }>;
  onIntent: () => void;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const { fieldError, added } = await onAdd(text);
      setError(fieldError);
      // Refused (list full, a duplicate) keeps the text: the message next to the list says why.
      if (added) setText("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-2">
      <label htmlFor="style-ref-url" className="sr-only">
        Style reference URL
      </label>
      <div className="flex gap-1.5">
        <div className="relative min-w-0 flex-1">
          <Link2
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted"
          />
          <input
            id="style-ref-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="Style reference URL: https://…"
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "style-ref-url-error" : undefined}
            onFocus={onIntent}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              e.preventDefault();
              void add();
            }}
            className={`${inputClass} w-full pl-7`}
          />
        </div>
        <Button
          variant="secondary"
          onClick={() => void add()}
          disabled={busy || !text.trim()}
          className="gap-1 text-xs disabled:opacity-50"
        >
          {busy ? <Loader2 aria-hidden="true" className="size-3.5 animate-spin" /> : null}
          Add
          <span className="sr-only"> style reference URL</span>
        </Button>
      </div>
      <FieldError id="style-ref-url-error" message={error ?? undefined} />
    </div>
  );
}
