// The Content-Security-Policy every page is served with (proxy.ts sets it).
// Scripts run only with this request's nonce: Next puts it on its own scripts
// when it finds the policy on the request, and 'strict-dynamic' lets those load
// the app's chunks. Images come only from the studio itself (the embedded
// engine's images live under /api/local-engine), blob: and data: (uploads being
// previewed, generated placeholders) and the orchestrator's image hosts.
import "server-only";
import { envFrom, type EnvSource } from "@/lib/server/env";

/** Civitai serves signed image URLs from its orchestration host and its CDN subdomains. */
const CIVITAI_IMAGE_HOSTS = ["https://orchestration.civitai.com", "https://*.civitai.com"];

/**
 * The origins generated images may come from: Civitai's, plus ORCHESTRATOR_URL's,
 * LOCAL_ENGINE_PUBLIC_URL's (the embedded engine signing its URLs on another
 * origin than the page) and STUDIO_IMAGE_HOSTS.
 */
export function imageHosts(source?: EnvSource): string[] {
  const settings = envFrom(source);
  const hosts = new Set(CIVITAI_IMAGE_HOSTS);
  const configured = [
    settings.ORCHESTRATOR_URL,
    settings.LOCAL_ENGINE_PUBLIC_URL,
    ...settings.STUDIO_IMAGE_HOSTS,
  ];
  for (const raw of configured) {
    if (!raw) continue;
    try {
      const url = new URL(raw);
      if (url.protocol === "https:" || url.protocol === "http:") hosts.add(url.origin);
    } catch {
      // Not a URL: ignored rather than widening the policy with something unparsed.
    }
  }
  return [...hosts];
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(
  nonce: string,
  options: { dev?: boolean; env?: EnvSource } = {},
): string {
  const images = imageHosts(options.env).join(" ");
  return [
    "default-src 'self'",
    // React needs eval only in development, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Styles cannot run code; sonner injects its <style> at runtime without a
    // nonce, and a nonce here would switch 'unsafe-inline' off (and the toasts'
    // styles with it), so styles stay self + inline while scripts are strict.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${images}`,
    // Image bytes (downloads, zips) come through the studio's own routes, never from the image hosts.
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
