# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QStatusBar, QVBoxLayout, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1040, 720)
        MainWindow.setMinimumSize(QSize(720, 520))
        MainWindow.setWindowTitle(u"Back Care Companion")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QHBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navFrame = QFrame(self.centralWidget)
        self.navFrame.setObjectName(u"navFrame")
        self.navFrame.setFrameShape(QFrame.Shape.NoFrame)
        self.navLayout = QVBoxLayout(self.navFrame)
        self.navLayout.setSpacing(6)
        self.navLayout.setObjectName(u"navLayout")
        self.navLayout.setContentsMargins(12, 16, 12, 16)
        self.navTodayButton = QPushButton(self.navFrame)
        self.navTodayButton.setObjectName(u"navTodayButton")
        self.navTodayButton.setCheckable(True)
        self.navTodayButton.setChecked(True)
        self.navTodayButton.setAutoExclusive(True)

        self.navLayout.addWidget(self.navTodayButton)

        self.navSessionButton = QPushButton(self.navFrame)
        self.navSessionButton.setObjectName(u"navSessionButton")
        self.navSessionButton.setCheckable(True)
        self.navSessionButton.setAutoExclusive(True)

        self.navLayout.addWidget(self.navSessionButton)

        self.navExercisesButton = QPushButton(self.navFrame)
        self.navExercisesButton.setObjectName(u"navExercisesButton")
        self.navExercisesButton.setCheckable(True)
        self.navExercisesButton.setAutoExclusive(True)

        self.navLayout.addWidget(self.navExercisesButton)

        self.navProgressButton = QPushButton(self.navFrame)
        self.navProgressButton.setObjectName(u"navProgressButton")
        self.navProgressButton.setCheckable(True)
        self.navProgressButton.setAutoExclusive(True)

        self.navLayout.addWidget(self.navProgressButton)

        self.navSettingsButton = QPushButton(self.navFrame)
        self.navSettingsButton.setObjectName(u"navSettingsButton")
        self.navSettingsButton.setCheckable(True)
        self.navSettingsButton.setAutoExclusive(True)

        self.navLayout.addWidget(self.navSettingsButton)

        self.navSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.navLayout.addItem(self.navSpacer)


        self.centralLayout.addWidget(self.navFrame)

        self.pages = QStackedWidget(self.centralWidget)
        self.pages.setObjectName(u"pages")

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralWidget)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)
        QWidget.setTabOrder(self.navTodayButton, self.navSessionButton)
        QWidget.setTabOrder(self.navSessionButton, self.navExercisesButton)
        QWidget.setTabOrder(self.navExercisesButton, self.navProgressButton)
        QWidget.setTabOrder(self.navProgressButton, self.navSettingsButton)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
#if QT_CONFIG(accessibility)
        self.navFrame.setAccessibleName(QCoreApplication.translate("MainWindow", u"Pages", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.navTodayButton.setToolTip(QCoreApplication.translate("MainWindow", u"Today: log your pain and see how the week is going (Ctrl+1)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.navTodayButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Today", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.navTodayButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Log your pain and see how the week is going. Shortcut Control+1.", None))
#endif // QT_CONFIG(accessibility)
        self.navTodayButton.setText(QCoreApplication.translate("MainWindow", u"&Today", None))
#if QT_CONFIG(tooltip)
        self.navSessionButton.setToolTip(QCoreApplication.translate("MainWindow", u"Session: the exercise plans and how to do them (Ctrl+2)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.navSessionButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Session", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.navSessionButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"The exercise plans and how to do them. Shortcut Control+2.", None))
#endif // QT_CONFIG(accessibility)
        self.navSessionButton.setText(QCoreApplication.translate("MainWindow", u"&Session", None))
#if QT_CONFIG(tooltip)
        self.navExercisesButton.setToolTip(QCoreApplication.translate("MainWindow", u"Exercises: every exercise with a moving picture (Ctrl+3)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.navExercisesButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Exercises", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.navExercisesButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Every exercise with a moving picture of how it is done. Shortcut Control+3.", None))
#endif // QT_CONFIG(accessibility)
        self.navExercisesButton.setText(QCoreApplication.translate("MainWindow", u"E&xercises", None))
#if QT_CONFIG(tooltip)
        self.navProgressButton.setToolTip(QCoreApplication.translate("MainWindow", u"Progress: your pain and sessions day by day (Ctrl+4)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.navProgressButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Progress", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.navProgressButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Your pain and sessions day by day. Shortcut Control+4.", None))
#endif // QT_CONFIG(accessibility)
        self.navProgressButton.setText(QCoreApplication.translate("MainWindow", u"&Progress", None))
#if QT_CONFIG(tooltip)
        self.navSettingsButton.setToolTip(QCoreApplication.translate("MainWindow", u"Settings: your data, backups, appearance and weekly goal (Ctrl+5)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.navSettingsButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Settings", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.navSettingsButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Your data, backups, appearance and weekly goal. Shortcut Control+5.", None))
#endif // QT_CONFIG(accessibility)
        self.navSettingsButton.setText(QCoreApplication.translate("MainWindow", u"S&ettings", None))
#if QT_CONFIG(accessibility)
        self.pages.setAccessibleName(QCoreApplication.translate("MainWindow", u"Page", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusBar.setAccessibleName(QCoreApplication.translate("MainWindow", u"Status messages", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

