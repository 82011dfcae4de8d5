package com.miniamazon.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Mounts the JSON API at {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Mini-Amazon", version = "1.0",
        description = "Search the catalog, place orders and follow them until they are delivered."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The email and password of a shop account.")
public class ShopApi extends Application {}
