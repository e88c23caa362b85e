// Benchmark inputs, the same for enos-ota-job and Ajv: deterministic, all valid bodies
// (so both validators walk everything and agree on the verdict).

/** 1,000 small request bodies (the seed's example and its variants), 250-500 bytes each. */
export function smallBodies(n = 1000) {
  const bodies = [];
  for (let i = 0; i < n; i++) {
    const keys = Array.from({ length: 1 + (i % 4) }, (_, k) => `deviceKey${i}-${k}`);
    if (i % 5 === 4) {
      bodies.push({
        name: { defaultValue: `verify-${i}` },
        type: "verify",
        upgradeScope: { type: "partial", versionNumbers: [`1.${i % 7}`], deviceKeys: keys },
        upgradeTimeout: 600 + i,
      });
      continue;
    }
    const body = {
      name: { defaultValue: `ota-job-${i}`, i18nValue: { en_US: `OTA job ${i}`, zh_CN: `升级任务${i}` } },
      type: "upgrade",
      upgradePolicy: i % 2 ? "snapshot" : "incremental",
      upgradeScope: { type: "partial", versionNumbers: ["1.0", `1.${1 + (i % 9)}`], deviceKeys: keys },
      enableUpgradeRequest: i % 3 === 0,
    };
    if (i % 3 === 1) body.retryPolicy = { enableRetry: true, retryInterval: 60 * (1 + (i % 10)), retryCount: 1 + (i % 5) };
    if (i % 4 === 2) {
      const start = 1767225600000 + i * 86_400_000;
      body.schedulePolicy = { isRepeatDaily: false, startTimestamp: start, endTimestamp: start + 7_200_000 };
    }
    if (i % 6 === 0) body.maximumConcurrency = 50 + i;
    if (i % 7 === 0) body.upgradeScope = { type: "total", versionNumbers: ["0.9"] };
    bodies.push(body);
  }
  return bodies;
}

/** One partial upgrade selecting `n` distinct device keys (~17 bytes per key). */
export function bigBody(n) {
  return {
    name: { defaultValue: "fleet-wide rollout" },
    type: "upgrade",
    upgradePolicy: "snapshot",
    enableUpgradeRequest: false,
    upgradeScope: {
      type: "partial",
      versionNumbers: ["1.0.0", "1.0.1"],
      deviceKeys: Array.from({ length: n }, (_, i) => `device-${String(i).padStart(7, "0")}`),
    },
    upgradeTimeout: 7200,
  };
}
