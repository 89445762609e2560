// The environment variables the engine reads (config.ts optionsFromEnv). Its own
// file with no imports, so the studio can name them without loading the engine.
/** Every variable optionsFromEnv reads (the studio hands exactly these over). */
export const ENGINE_ENV_VARIABLES = [
  "LOCAL_ENGINE",
  "LOCAL_ENGINE_SPEED",
  "LOCAL_ENGINE_URL_TTL_SECONDS",
  "LOCAL_ENGINE_BLOB_TTL_SECONDS",
  "LOCAL_ENGINE_BUZZ",
  "LOCAL_ENGINE_CONCURRENCY",
  "LOCAL_ENGINE_PUBLIC_URL",
  "LOCAL_ENGINE_FAULTS",
  "LOCAL_ENGINE_TEST_MODE",
  "LOCAL_ENGINE_HOSTS",
  "STUDIO_DATA_DIR",
] as const;
