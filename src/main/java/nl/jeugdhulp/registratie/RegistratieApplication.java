package nl.jeugdhulp.registratie;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistratieApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistratieApplication.class, args);
    }
}
