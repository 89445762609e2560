"use client";
// "Your name" for style set history: set once, kept in this browser, sent with
// every change so colleagues see who made it.
import { UserRound } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { setAuthor, useAuthor } from "@/lib/client/references/use-author";
import { AUTHOR_MAX } from "@/lib/contract/style-sets/history";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export function AuthorField() {
  const author = useAuthor();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState("");
  const id = useId();
  const open = editing || author === null;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    setAuthor(value);
    setEditing(false);
  };

  if (!open) {
    return (
      <p className="flex items-center gap-1.5 text-xs text-muted">
        <UserRound aria-hidden="true" className="size-3.5" />
        Changes are signed <strong className="font-medium text-foreground">{author}</strong>
        <Button
          variant="link"
          size="xs"
          onClick={() => {
            setValue(author ?? "");
            setEditing(true);
          }}
        >
          Change name
        </Button>
      </p>
    );
  }
  return (
    <form onSubmit={save} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-xs font-medium">
          Your name in set history
        </label>
        <input
          id={id}
          value={value}
          maxLength={AUTHOR_MAX}
          onChange={(e) => setValue(e.target.value)}
          placeholder="e.g. Ana"
          className={`${inputClass} mt-1 w-48`}
        />
      </div>
      <Button type="submit" disabled={!value.trim()}>
        Save name
      </Button>
      <p className="w-full text-[11px] text-muted">
        Kept in this browser; without it, changes are signed “Someone”.
      </p>
    </form>
  );
}
