"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Eye, EyeOff, Loader2, ShieldCheck, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { toast } from "@/lib/client/platform/toast";
import { ApiError, apiFetch } from "@/lib/client/platform/api-client";
import { setTokenDialogOpen } from "@/lib/client/platform/token-dialog-state";
import type { EngineInfo } from "@/lib/server/orchestrator/target";

interface SaveAnswer {
  engine: "civitai";
  verified: boolean;
  note: string;
}

// Padding is left to each button: two px-* classes on one element fight by CSS order.
const button =
  "inline-flex h-8 shrink-0 items-center justify-center gap-1.5 rounded-md text-sm font-medium disabled:opacity-60";

/**
 * The dialog that stores or removes a Civitai API token. Loaded only when first
 * opened (components/layout/token-dialog.tsx), so Radix Dialog stays out of the
 * first load; mounted open, and kept mounted afterwards so it reopens at once.
 */
export function TokenDialogBody({ engine, open }: { engine: EngineInfo; open: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [token, setToken] = useState("");
  const [visible, setVisible] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"save" | "remove" | null>(null);
  const hasUserToken = engine.tokenSource === "cookie";

  const onOpenChange = (next: boolean) => {
    setTokenDialogOpen(next);
    if (!next) {
      // The token never lingers in memory once the dialog closes.
      setToken("");
      setVisible(false);
      setError(null);
    }
  };

  const switched = () => {
    // The engine badge is rendered on the server; estimates and history belong to the
    // account: reset, not just refetched, so the other account's cards never show
    // under this one's badge (even when the new orchestrator cannot be reached).
    router.refresh();
    void queryClient.resetQueries();
    onOpenChange(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy("save");
    setError(null);
    try {
      const answer = await apiFetch<SaveAnswer>("/api/token", { method: "POST", json: { token } });
      if (answer.verified) toast.success("Token saved: generating on Civitai");
      else toast.warning("Token saved, not verified", { description: answer.note });
      switched();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? e.fieldErrors.token?.[0] && e.status !== 401
            ? e.fieldErrors.token[0]
            : e.detail
          : e instanceof Error
            ? e.message
            : "The token could not be saved.",
      );
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (busy) return;
    setBusy("remove");
    try {
      const answer = await apiFetch<{ note: string }>("/api/token", { method: "DELETE" });
      toast.success("Token removed", { description: answer.note });
      switched();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The token could not be removed.");
    } finally {
      setBusy(null);
    }
  };

  const paste = async () => {
    try {
      setToken((await navigator.clipboard.readText()).trim());
      setError(null);
    } catch {
      toast.error("The browser did not allow reading the clipboard", {
        description: "Paste into the field with Ctrl+V instead.",
      });
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-panel p-5 shadow-xl">
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-base font-semibold">Civitai API token</Dialog.Title>
            <Dialog.Close
              aria-label="Close"
              className="-m-1 rounded-md p-1 text-muted hover:bg-subtle hover:text-foreground"
            >
              <X aria-hidden="true" className="size-4" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-sm text-muted">
            With a token, generations run on Civitai and spend your Buzz. Without one they run on
            the local engine for free.
          </Dialog.Description>

          <form onSubmit={save} className="mt-4" noValidate>
            <label htmlFor="civitai-token" className="text-xs font-medium">
              API token
            </label>
            <div className="mt-1.5 flex gap-1.5">
              <input
                id="civitai-token"
                type={visible ? "text" : "password"}
                value={token}
                onChange={(e) => {
                  setToken(e.target.value);
                  setError(null);
                }}
                autoComplete="off"
                spellCheck={false}
                placeholder={
                  hasUserToken ? "Paste a new token to replace yours" : "Paste your token"
                }
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "token-error token-storage" : "token-storage"}
                className="h-8 min-w-0 flex-1 rounded-md border border-border bg-raised px-2.5 font-mono text-sm placeholder:font-sans placeholder:text-muted aria-[invalid=true]:border-danger"
              />
              <button
                type="button"
                aria-label={visible ? "Hide token" : "Show token"}
                aria-pressed={visible}
                onClick={() => setVisible((v) => !v)}
                className={`${button} w-8 border border-border bg-raised text-muted hover:bg-subtle hover:text-foreground`}
              >
                {visible ? (
                  <EyeOff aria-hidden="true" className="size-4" />
                ) : (
                  <Eye aria-hidden="true" className="size-4" />
                )}
              </button>
              <button
                type="button"
                onClick={paste}
                className={`${button} border border-border bg-raised px-3 hover:bg-subtle`}
              >
                Paste
              </button>
            </div>
            {error && (
              <p id="token-error" role="alert" className="mt-1.5 text-xs text-danger">
                {error}
              </p>
            )}
            <p
              id="token-storage"
              className="mt-3 flex gap-2 rounded-md bg-subtle p-2.5 text-xs text-muted"
            >
              <ShieldCheck aria-hidden="true" className="mt-px size-4 shrink-0 text-success" />
              <span>
                The studio checks the token with Civitai, then keeps it in an encrypted, httpOnly
                cookie for this browser only (30 days). Page scripts, this one included, cannot read
                it back; only the studio&apos;s server uses it to call Civitai.
              </span>
            </p>
            <div className="mt-4 flex items-center justify-between gap-2">
              {hasUserToken ? (
                <button
                  type="button"
                  onClick={remove}
                  disabled={busy !== null}
                  className={`${button} px-3 text-danger hover:bg-subtle`}
                >
                  {busy === "remove" && (
                    <Loader2 aria-hidden="true" className="size-4 animate-spin" />
                  )}
                  Remove token
                </button>
              ) : (
                <span className="text-xs text-muted">
                  {engine.tokenSource === "env" ? "The server's own token is in use." : ""}
                </span>
              )}
              <button
                type="submit"
                disabled={busy !== null || token.trim() === ""}
                className={`${button} bg-accent px-3 text-accent-foreground hover:brightness-110`}
              >
                {busy === "save" && <Loader2 aria-hidden="true" className="size-4 animate-spin" />}
                Save
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
