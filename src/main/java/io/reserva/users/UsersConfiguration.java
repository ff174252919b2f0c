package io.reserva.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

    @Bean
    PasswordPolicy passwordPolicy() {
        return PasswordPolicy.withShippedList();
    }
}
