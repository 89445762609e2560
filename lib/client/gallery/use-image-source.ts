"use client";
// The URL an <img> may show for an image, renewed without the designer
// noticing: an expiring signed URL is renewed before it is rendered, and an
// image that fails to load gets one renewal and a second try. Only when that
// fails too does the caller show a calm placeholder with Retry, never a broken image.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { applyRefreshedUrls } from "@/lib/client/gallery/cache-updates";
import {
  imageSource,
  shouldRefreshBeforeRender,
  type ImageRendition,
} from "@/lib/contract/generations/image-url";
import { imageRefresher } from "@/lib/client/gallery/refresh-image";
import type { GenerationImage } from "@/lib/contract/generations/types";
import { useNow } from "../platform/use-now";

export interface ImageSourceState {
  /** safe to put in <img src>; null while renewing or when there is nothing to show */
  src: string | null;
  /** changes when the same URL must be loaded again: use as the <img> key */
  attempt: number;
  /** renewing and retrying did not help */
  failed: boolean;
  onLoad: () => void;
  onError: () => void;
  retry: () => void;
}

/** Renewals after failed loads before the placeholder shows (a deleted image fails every time). */
const MAX_RENEWALS_AFTER_ERROR = 2;
/** Coarse clock: the renewal margin is 30 s, so a reading up to 10 s old is close enough. */
const CLOCK_MS = 10_000;

export function useImageSource(
  image: GenerationImage,
  rendition: ImageRendition,
): ImageSourceState {
  const queryClient = useQueryClient();
  const now = useNow(CLOCK_MS);
  const source = imageSource(image, rendition);
  const current = source?.src ?? null;
  const [attempt, setAttempt] = useState(0);
  const [renewing, setRenewing] = useState(false);
  // Load failures since the last successful load; each earns one renewal, up to a limit.
  const [errors, setErrors] = useState(0);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  // Renewing ahead of time failed for this URL: try it as it is.
  const [asIs, setAsIs] = useState<string | null>(null);

  const stale =
    source !== null &&
    asIs !== current &&
    shouldRefreshBeforeRender(source, now, imageRefresher.lastRefreshedAt(image.id));

  useEffect(() => {
    if (!stale || current === null) return;
    let live = true;
    imageRefresher.refresh(image.id).then(
      (fresh) => {
        applyRefreshedUrls(queryClient, fresh);
        if (live) setAttempt((n) => n + 1);
      },
      () => {
        if (live) setAsIs(current);
      },
    );
    return () => {
      live = false;
    };
  }, [stale, current, image.id, queryClient]);

  function renewAfterFailure(src: string) {
    setRenewing(true);
    imageRefresher.refresh(image.id).then(
      (fresh) => {
        applyRefreshedUrls(queryClient, fresh);
        setRenewing(false);
        setAttempt((n) => n + 1);
      },
      () => {
        setRenewing(false);
        setFailedSrc(src);
      },
    );
  }

  const failed = current !== null && failedSrc === current;
  return {
    src: current === null || stale || renewing || failed ? null : current,
    attempt,
    failed,
    onLoad() {
      if (errors !== 0) setErrors(0);
    },
    onError() {
      if (current === null || renewing) return;
      if (errors >= MAX_RENEWALS_AFTER_ERROR) {
        setFailedSrc(current);
        return;
      }
      setErrors(errors + 1);
      renewAfterFailure(current);
    },
    retry() {
      if (current === null) return;
      setErrors(0);
      setFailedSrc(null);
      renewAfterFailure(current);
    },
  };
}
