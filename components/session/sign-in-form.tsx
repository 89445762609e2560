"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, inputClass } from "@/components/ui/field";
import { KeyRound, Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/lib/client/platform/api-client";

/** Asks for the studio's access key; on success the server has set the sealed cookie. */
export function SignInForm({ next }: { next: string }) {
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await apiFetch("/api/sign-in", { method: "POST", json: { key } });
      // A full load, so the studio page renders with the new cookie.
      window.location.assign(next);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : "Could not sign in.");
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      className="w-full max-w-sm space-y-4 rounded-lg border border-border bg-panel p-6 shadow-sm"
    >
      <div className="space-y-1">
        <h1 className="flex items-center gap-2 text-base font-semibold">
          <KeyRound className="size-4" aria-hidden />
          Krea Prompt Studio
        </h1>
        <p className="text-muted">This studio is protected. Enter its access key.</p>
      </div>
      <Field
        id="access-key"
        label="Access key"
        error={error}
        className="space-y-1.5"
        labelClassName="text-sm"
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            required
            value={key}
            onChange={(e) => setKey(e.target.value)}
            className={cn(inputClass, "h-9 w-full bg-background px-3")}
          />
        )}
      </Field>
      <Button variant="primary" size="lg" type="submit" disabled={busy} className="w-full">
        {busy && <Loader2 className="size-4 animate-spin" aria-hidden />}
        Sign in
      </Button>
    </form>
  );
}
