package com.miniamazon.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.accounts.AccountService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every business method of every session bean says who may call it: {@code @RolesAllowed}, {@code @PermitAll} or
 * {@code @DenyAll} on the method or on the class that declares it. A new method without one would otherwise be
 * open to anyone the container lets through by default, which is exactly the mistake nobody notices in review.
 */
class BusinessMethodRolesTest {

    @Test
    void everyPublicBusinessMethodOfASessionBeanNamesWhoMayCallIt() {
        List<Class<?>> beans = sessionBeans();
        List<String> unguarded = new ArrayList<>();
        for (Class<?> bean : beans) {
            for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
                for (Method method : type.getDeclaredMethods()) {
                    if (isBusinessMethod(method) && !guarded(method)) {
                        unguarded.add(bean.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        // Guards against the scan finding nothing (a moved classes folder would make the test pass vacuously).
        assertThat(beans).extracting(Class::getSimpleName).contains("AccountService", "CheckoutService", "WorldGateway");
        assertThat(unguarded).as("session bean methods without @RolesAllowed, @PermitAll or @DenyAll").isEmpty();
    }

    private static boolean isBusinessMethod(Method method) {
        int modifiers = method.getModifiers();
        return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !method.isSynthetic()
                && !method.isBridge()
                && !method.isAnnotationPresent(PostConstruct.class) && !method.isAnnotationPresent(PreDestroy.class)
                && !method.isAnnotationPresent(Timeout.class) && !method.isAnnotationPresent(Schedule.class)
                && !method.isAnnotationPresent(Schedules.class);
    }

    /** The method's own annotation, or its declaring class's (a superclass's annotation covers only its methods). */
    private static boolean guarded(Method method) {
        return hasRoleAnnotation(method.getAnnotation(RolesAllowed.class), method.getAnnotation(PermitAll.class),
                method.getAnnotation(DenyAll.class))
                || hasRoleAnnotation(method.getDeclaringClass().getAnnotation(RolesAllowed.class),
                        method.getDeclaringClass().getAnnotation(PermitAll.class),
                        method.getDeclaringClass().getAnnotation(DenyAll.class));
    }

    private static boolean hasRoleAnnotation(Object... annotations) {
        return Stream.of(annotations).anyMatch(a -> a != null);
    }

    /** The @Stateless and @Singleton classes compiled from this module's sources. */
    private static List<Class<?>> sessionBeans() {
        try {
            Path classes = Path.of(AccountService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(classes)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")
                                && !f.getFileName().toString().endsWith("-info.class"))
                        .map(f -> classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                                .replaceAll("\\.class$", ""))
                        .map(BusinessMethodRolesTest::load)
                        .filter(c -> c.isAnnotationPresent(Stateless.class) || c.isAnnotationPresent(Singleton.class))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, BusinessMethodRolesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
