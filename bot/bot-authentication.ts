import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from "botbuilder";
import type { Config } from "../services/platform/config/load-config";
import { CasewatchError } from "../services/platform/errors";

/**
 * Bot Framework authentication from config. Outside local mode a missing app id or secret refuses startup: auth is
 * never silently off. In local mode an empty app id turns auth off, which is what the Playground expects.
 */
export function botAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  const b = config.bot;
  if (config.mode !== "local") {
    const missing = [
      !b.appId ? "MicrosoftAppId" : undefined,
      b.appType !== "UserAssignedMSI" && !b.appPassword ? "MicrosoftAppPassword" : undefined,
      b.appType !== "MultiTenant" && !b.tenantId ? "MicrosoftAppTenantId" : undefined,
    ].filter((m): m is string => m !== undefined);
    if (missing.length > 0 || !b.authEnabled) {
      throw new CasewatchError("CONFIG_INVALID", `Bot authentication cannot be turned off outside local mode. Set ${missing.join(", ") || "the bot credentials"} from the Azure Bot registration.`, missing);
    }
  }
  const settings = {
    MicrosoftAppId: b.appId ?? "",
    MicrosoftAppPassword: b.appPassword ?? "",
    MicrosoftAppType: b.appType,
    MicrosoftAppTenantId: b.tenantId ?? "",
  };
  return new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
