"use client";
import { createContext } from "react";

/**
 * True while the gallery is being scrolled. Thumbnails that were never shown
 * wait for the scroll to settle before asking for their image: a fast fling
 * through a thousand cards would otherwise queue thousands of requests behind
 * the browser's six connections, and the images where the designer stops would
 * come last.
 */
export const ScrollingContext = createContext(false);
