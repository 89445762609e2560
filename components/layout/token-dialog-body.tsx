"use client";

import { inQueryIsland } from "@/components/query-island";
import { Button } from "@/components/ui/button";
import { useQueryClient } from "@tanstack/react-query";
import { Eye, EyeOff, Loader2, ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { Dialog, DialogContent, DialogHeader } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { useState, type FormEvent } from "react";
import { toast } from "@/lib/client/platform/toast";
import { ApiError, apiFetch } from "@/lib/client/platform/api-client";
import { setTokenDialogOpen } from "@/lib/client/platform/token-dialog-state";
import type { EngineInfo } from "@/lib/contract/api";

interface SaveAnswer {
  engine: "civitai";
  verified: boolean;
  note: string;
}

/**
 * The dialog that stores or removes a Civitai API token. Loaded only when first
 * opened (components/layout/token-dialog.tsx), so Radix Dialog stays out of the
 * first load; mounted open, and kept mounted afterwards so it reopens at once.
 */
function TokenDialogBodyView({ engine, open }: { engine: EngineInfo; open: boolean }) {
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
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader
          title="Civitai API token"
          description="With a token, generations run on Civitai and spend your Buzz. Without one they run on the local engine for free."
        />

        <form onSubmit={save} className="mt-4" noValidate>
          <Field
            id="civitai-token"
            label="API token"
            error={error}
            hintClassName="mt-3 flex gap-2 rounded-md bg-subtle p-2.5"
            hint={
              <>
                <ShieldCheck aria-hidden="true" className="mt-px size-4 shrink-0 text-success" />
                <span>
                  The studio checks the token with Civitai, then keeps it in an encrypted, httpOnly
                  cookie for this browser only (30 days). Page scripts, this one included, cannot
                  read it back; only the studio&apos;s server uses it to call Civitai.
                </span>
              </>
            }
          >
            {(control) => (
              <div className="mt-1.5 flex gap-1.5">
                <input
                  {...control}
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
                  className={`${inputClass} min-w-0 flex-1 font-mono placeholder:font-sans`}
                />
                <Button
                  variant="icon"
                  size="md"
                  aria-label={visible ? "Hide token" : "Show token"}
                  aria-pressed={visible}
                  onClick={() => setVisible((v) => !v)}
                  className="border border-border bg-raised"
                >
                  {visible ? (
                    <EyeOff aria-hidden="true" className="size-4" />
                  ) : (
                    <Eye aria-hidden="true" className="size-4" />
                  )}
                </Button>
                <Button variant="secondary" onClick={paste}>
                  Paste
                </Button>
              </div>
            )}
          </Field>
          <div className="mt-4 flex items-center justify-between gap-2">
            {hasUserToken ? (
              <Button variant="danger" onClick={remove} disabled={busy !== null}>
                {busy === "remove" && (
                  <Loader2 aria-hidden="true" className="size-4 animate-spin" />
                )}
                Remove token
              </Button>
            ) : (
              <span className="text-xs text-muted">
                {engine.tokenSource === "env" ? "The server's own token is in use." : ""}
              </span>
            )}
            <Button variant="primary" type="submit" disabled={busy !== null || token.trim() === ""}>
              {busy === "save" && <Loader2 aria-hidden="true" className="size-4 animate-spin" />}
              Save
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const TokenDialogBody = inQueryIsland(TokenDialogBodyView);
